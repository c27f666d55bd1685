import type { Logger } from '@nestjs/common';
import type { ScanRepository } from './scan.repository.js';

/**
 * A running scan's proof of life on its version row (scan_heartbeat_at), for ScanRecovery to tell a
 * dead worker from a slow one. Starting counts an attempt (scan_attempts); a scan that hands its job
 * back to the queue (an error the queue retries, or a newer scan that supersedes it) releases it, so
 * only scans whose worker died stay counted.
 */
export class ScanHeartbeat {
  private readonly timer: NodeJS.Timeout;
  private beating: Promise<void> | undefined;

  private constructor(
    private readonly scans: ScanRepository,
    private readonly versionId: string,
    everyMs: number,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => {
      // A beat waits while the scan's own write holds the row: never pile up more than one.
      this.beating ??= this.beat().finally(() => (this.beating = undefined));
    }, everyMs);
  }

  static async start(scans: ScanRepository, versionId: string, everyMs: number, logger: Logger): Promise<ScanHeartbeat> {
    await scans.startHeartbeat(versionId);
    return new ScanHeartbeat(scans, versionId, everyMs, logger);
  }

  /** Stops beating; a beat in flight lands before this returns, so none comes after a release. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.beating;
  }

  /** The scan ends without a result of its own, and not because its worker died. */
  async release(): Promise<void> {
    await this.stop();
    await this.scans
      .releaseHeartbeat(this.versionId)
      .catch((error: unknown) => this.logger.warn(`releasing the scan of ${this.versionId}: ${messageOf(error)}`));
  }

  private async beat(): Promise<void> {
    try {
      await this.scans.beat(this.versionId);
    } catch (error) {
      this.logger.warn(`heartbeat of the scan of ${this.versionId}: ${messageOf(error)}`);
    }
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

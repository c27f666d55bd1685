import type { Logger } from '@nestjs/common';
import type { PrismaClient } from '@vetted/db';

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
    private readonly db: PrismaClient,
    private readonly versionId: string,
    everyMs: number,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => {
      // A beat waits while the scan's own write holds the row: never pile up more than one.
      this.beating ??= this.beat().finally(() => (this.beating = undefined));
    }, everyMs);
  }

  static async start(db: PrismaClient, versionId: string, everyMs: number, logger: Logger): Promise<ScanHeartbeat> {
    await db.modelVersion.updateMany({
      where: { id: versionId },
      data: { scanHeartbeatAt: new Date(), scanAttempts: { increment: 1 } },
    });
    return new ScanHeartbeat(db, versionId, everyMs, logger);
  }

  /** Stops beating; a beat in flight lands before this returns, so none comes after a release. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.beating;
  }

  /** The scan ends without a result of its own, and not because its worker died. */
  async release(): Promise<void> {
    await this.stop();
    await this.db.modelVersion
      .updateMany({
        where: { id: this.versionId, scanAttempts: { gt: 0 } },
        data: { scanHeartbeatAt: null, scanAttempts: { decrement: 1 } },
      })
      .catch((error: unknown) => this.logger.warn(`releasing the scan of ${this.versionId}: ${messageOf(error)}`));
  }

  private async beat(): Promise<void> {
    try {
      await this.db.modelVersion.updateMany({ where: { id: this.versionId, scannedAt: null }, data: { scanHeartbeatAt: new Date() } });
    } catch (error) {
      this.logger.warn(`heartbeat of the scan of ${this.versionId}: ${messageOf(error)}`);
    }
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

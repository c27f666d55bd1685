import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { PrismaClient } from '@vetted/db';
import { JobQueue, transactionExecutor } from '@vetted/queue';
import { endScanWithError } from './scan-error-ending.js';
import { DEFAULT_SCAN_TIMING, SCAN_TIMING, type ScanTiming } from './scan-timing.js';
import { SCANNABLE } from './scannable.js';

/** A scan whose worker died this many times is not tried again. */
const MAX_ATTEMPTS = 3;

/**
 * Finds scans left unfinished by a worker that died (the version is unscanned and its scan heartbeat went
 * stale) and queues them again, or ends them as `error` after MAX_ATTEMPTS, so that no version waits for
 * pg-boss's half-hour expiry, or for ever. Every worker sweeps at start and every sweepMs.
 */
@Injectable()
export class ScanRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScanRecovery.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: PrismaClient,
    private readonly queue: JobQueue,
    @Optional() @Inject(SCAN_TIMING) private readonly timing: ScanTiming = DEFAULT_SCAN_TIMING,
  ) {}

  onApplicationBootstrap(): void {
    const sweep = () => void this.sweep().catch((error: unknown) => this.logger.warn(`sweep: ${String(error)}`));
    sweep();
    this.timer = setInterval(sweep, this.timing.sweepMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    const stale = new Date(Date.now() - this.timing.staleAfterMs);
    const orphaned = { scannedAt: null, status: { in: SCANNABLE }, scanHeartbeatAt: { lt: stale } };
    const orphans = await this.db.modelVersion.findMany({ where: orphaned, select: { id: true, scanAttempts: true } });
    for (const version of orphans) {
      if (version.scanAttempts >= MAX_ATTEMPTS) {
        const ended = await endScanWithError(
          this.db,
          version.id,
          {
            severity: 'critical',
            code: 'scan_worker_stopped',
            message: `The worker scanning this version stopped ${version.scanAttempts} times before finishing; the scan was given up and every file is marked error until a new scan succeeds`,
          },
          { scanHeartbeatAt: { lt: stale } },
        );
        if (ended) this.logger.error(`scan of ${version.id} lost its worker ${version.scanAttempts} times; ended as error`);
        continue;
      }
      // The heartbeat is cleared first: of all workers sweeping at once, only the one that cleared it queues a job.
      const queued = await this.db.$transaction(async (tx) => {
        const { count } = await tx.modelVersion.updateMany({ where: { id: version.id, ...orphaned }, data: { scanHeartbeatAt: null } });
        if (count === 1) await this.queue.send('version.scan', { versionId: version.id }, transactionExecutor(tx));
        return count === 1;
      });
      if (queued) this.logger.warn(`scan of ${version.id} lost its worker; queued again`);
    }
  }
}

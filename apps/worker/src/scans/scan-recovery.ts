import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { JobQueue, transactionExecutor } from '@vetted/queue';
import { sweepEvery } from '../infra/sweep-every.js';
import { Transactions } from '../infra/transactions.js';
import { endScanWithError } from './scan-error-ending.js';
import { DEFAULT_LIVENESS, LIVENESS, type Liveness } from '../infra/liveness.js';
import { ScanRepository } from './scan.repository.js';

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
  private stopSweeping = (): void => undefined;

  constructor(
    private readonly scans: ScanRepository,
    private readonly transactions: Transactions,
    private readonly queue: JobQueue,
    @Optional() @Inject(LIVENESS) private readonly timing: Liveness = DEFAULT_LIVENESS,
  ) {}

  onApplicationBootstrap(): void {
    this.stopSweeping = sweepEvery(this.timing.sweepMs, () => this.sweep(), this.logger);
  }

  onApplicationShutdown(): void {
    this.stopSweeping();
  }

  async sweep(): Promise<void> {
    const stale = new Date(Date.now() - this.timing.staleAfterMs);
    const orphans = await this.scans.orphans(stale);
    for (const version of orphans) {
      if (version.scanAttempts >= MAX_ATTEMPTS) {
        const ended = await endScanWithError(
          this.transactions,
          this.scans,
          version.id,
          {
            severity: 'critical',
            code: 'scan_worker_stopped',
            message: `The worker scanning this version stopped ${version.scanAttempts} times before finishing; the scan was given up and every file is marked error until a new scan succeeds`,
          },
          { heartbeatBefore: stale },
        );
        if (ended) this.logger.error(`scan of ${version.id} lost its worker ${version.scanAttempts} times; ended as error`);
        continue;
      }
      // The heartbeat is cleared first: of all workers sweeping at once, only the one that cleared it queues a job.
      const queued = await this.transactions.run(async (tx) => {
        const claimed = await this.scans.claimOrphan(tx, version.id, stale);
        if (claimed) await this.queue.send('version.scan', { versionId: version.id }, transactionExecutor(tx));
        return claimed;
      });
      if (queued) this.logger.warn(`scan of ${version.id} lost its worker; queued again`);
    }
  }
}

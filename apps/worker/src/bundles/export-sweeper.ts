import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { JobQueue, transactionExecutor } from '@vetted/queue';
import type { BlobStore } from '@vetted/storage';
import { sweepEvery } from '../infra/sweep-every.js';
import { Transactions } from '../infra/transactions.js';
import { BLOB_STORE } from '../tokens.js';
import { DEFAULT_LIVENESS, LIVENESS, type Liveness } from '../infra/liveness.js';
import { ExportRepository } from './export.repository.js';

/** An export whose worker died this many times is not tried again. */
const MAX_ATTEMPTS = 3;

/**
 * Every worker, at start and every sweepMs: queues again the exports left `running` by a worker that died
 * (their heartbeat went stale), failing them after MAX_ATTEMPTS, and expires the exports past their
 * retention, deleting their tar from the store.
 */
@Injectable()
export class ExportSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExportSweeper.name);
  private stopSweeping = (): void => undefined;

  constructor(
    private readonly exports: ExportRepository,
    private readonly queue: JobQueue,
    private readonly transactions: Transactions,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    @Optional() @Inject(LIVENESS) private readonly timing: Liveness = DEFAULT_LIVENESS,
  ) {}

  onApplicationBootstrap(): void {
    this.stopSweeping = sweepEvery(this.timing.sweepMs, () => this.sweep(), this.logger);
  }

  onApplicationShutdown(): void {
    this.stopSweeping();
  }

  async sweep(now = new Date()): Promise<void> {
    await this.recover(now);
    await this.expire(now);
  }

  async recover(now: Date): Promise<void> {
    const stale = new Date(now.getTime() - this.timing.staleAfterMs);
    for (const orphan of await this.exports.orphans(stale)) {
      if (orphan.attempts >= MAX_ATTEMPTS) {
        const reason = `the worker writing it stopped ${orphan.attempts} times before finishing`;
        if (await this.exports.failOrphan(orphan.id, stale, reason)) this.logger.error(`export ${orphan.id}: ${reason}; failed`);
        continue;
      }
      // Back to queued first: of all workers sweeping at once, only the one that moved it queues a job.
      const queued = await this.transactions.run(async (tx) => {
        const moved = await this.exports.requeueOrphan(tx, orphan.id, stale);
        if (moved) await this.queue.send('bundle.export', { exportId: orphan.id }, transactionExecutor(tx));
        return moved;
      });
      if (queued) this.logger.warn(`export ${orphan.id} lost its worker; queued again`);
    }
  }

  async expire(now: Date): Promise<void> {
    await this.exports.expire(now);
    for (const { id, storageKey } of await this.exports.expiredWithTar()) {
      await this.store.delete(storageKey);
      await this.exports.forgetTar(id);
    }
  }
}

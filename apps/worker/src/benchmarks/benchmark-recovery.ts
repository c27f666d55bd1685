import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { recordBenchmarkFinished } from '@vetted/lifecycle';
import { JobQueue } from '@vetted/queue';
import type { Config } from '@vetted/config';
import { DEFAULT_LIVENESS, LIVENESS, type Liveness } from '../infra/liveness.js';
import { sweepEvery } from '../infra/sweep-every.js';
import { Transactions } from '../infra/transactions.js';
import { CONFIG } from '../tokens.js';
import { BenchmarkRunRepository } from './benchmark-run.repository.js';
import { removeStaleWorkspaces } from './benchmark-workspace.js';

/** A run whose worker died this many times is not tried again. */
const MAX_ATTEMPTS = 3;

/**
 * Finds runs left `running` by a worker that died (its heartbeat went stale) and queues them again, or
 * fails them after MAX_ATTEMPTS, so no run stays `running` forever; at start, removes the temporary
 * folders a killed worker left behind.
 */
@Injectable()
export class BenchmarkRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BenchmarkRecovery.name);
  private stopSweeping = (): void => undefined;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly runs: BenchmarkRunRepository,
    private readonly transactions: Transactions,
    private readonly queue: JobQueue,
    @Optional() @Inject(LIVENESS) private readonly liveness: Liveness = DEFAULT_LIVENESS,
  ) {}

  onApplicationBootstrap(): void {
    void removeStaleWorkspaces(this.config.benchmarks.timeoutSeconds * 2 * 1000).catch((error: unknown) =>
      this.logger.warn(`workspace clean-up: ${String(error)}`),
    );
    this.stopSweeping = sweepEvery(this.liveness.sweepMs, () => this.sweep(), this.logger);
  }

  onApplicationShutdown(): void {
    this.stopSweeping();
  }

  async sweep(): Promise<void> {
    const stale = new Date(Date.now() - this.liveness.staleAfterMs);
    const orphans = await this.runs.orphans(stale);
    for (const run of orphans) {
      if (run.attempts >= MAX_ATTEMPTS) {
        await this.transactions.run(async (tx) => {
          const failed = await this.runs.failOrphan(
            tx,
            run.id,
            stale,
            `infrastructure: the worker running it stopped ${run.attempts} times`,
          );
          if (failed) await recordBenchmarkFinished(tx, run.id, { actor: 'worker', actorName: 'worker' });
        });
        continue;
      }
      // Back to queued first: of all workers sweeping at once, only the one that moved it queues a job.
      if (await this.runs.requeueOrphan(run.id, stale)) {
        await this.queue.send('benchmark.run', { runId: run.id });
        this.logger.warn(`benchmark ${run.id} lost its worker; queued again`);
      }
    }
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaClient } from '@vetted/db';
import { JobQueue } from '@vetted/queue';
import type { Config } from '@vetted/config';
import { CONFIG } from '../tokens.js';
import { STALE_AFTER_MS } from './benchmark-executor.js';
import { removeStaleWorkspaces } from './benchmark-workspace.js';

const SWEEP_MS = 30_000;
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
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly db: PrismaClient,
    private readonly queue: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    void removeStaleWorkspaces(this.config.benchmarks.timeoutSeconds * 2 * 1000).catch((error: unknown) =>
      this.logger.warn(`workspace clean-up: ${String(error)}`),
    );
    const sweep = () => void this.sweep().catch((error: unknown) => this.logger.warn(`sweep: ${String(error)}`));
    sweep();
    this.timer = setInterval(sweep, SWEEP_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    const stale = new Date(Date.now() - STALE_AFTER_MS);
    const orphans = await this.db.benchmarkRun.findMany({
      where: { status: 'running', heartbeatAt: { lt: stale } },
      select: { id: true, attempts: true },
    });
    for (const run of orphans) {
      const orphaned = { id: run.id, status: 'running' as const, heartbeatAt: { lt: stale } };
      if (run.attempts >= MAX_ATTEMPTS) {
        await this.db.benchmarkRun.updateMany({
          where: orphaned,
          data: { status: 'failed', error: `infrastructure: the worker running it stopped ${run.attempts} times`, finishedAt: new Date() },
        });
        continue;
      }
      // Back to queued first: of all workers sweeping at once, only the one that moved it queues a job.
      const { count } = await this.db.benchmarkRun.updateMany({ where: orphaned, data: { status: 'queued', heartbeatAt: null } });
      if (count === 1) {
        await this.queue.send('benchmark.run', { runId: run.id });
        this.logger.warn(`benchmark ${run.id} lost its worker; queued again`);
      }
    }
  }
}

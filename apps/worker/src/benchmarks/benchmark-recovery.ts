import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaClient } from '@vetted/db';
import { JobQueue } from '@vetted/queue';
import { STALE_AFTER_MS } from './benchmark-executor.js';

const SWEEP_MS = 30_000;
/** A run whose worker died this many times is not tried again. */
const MAX_ATTEMPTS = 3;

/**
 * Finds runs left `running` by a worker that died (its heartbeat went stale) and queues them again, or
 * fails them after MAX_ATTEMPTS, so no run stays `running` forever.
 */
@Injectable()
export class BenchmarkRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BenchmarkRecovery.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: PrismaClient,
    private readonly queue: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
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
      if (run.attempts >= MAX_ATTEMPTS) {
        await this.db.benchmarkRun.updateMany({
          where: { id: run.id, status: 'running', heartbeatAt: { lt: stale } },
          data: { status: 'failed', error: `infrastructure: the worker running it stopped ${run.attempts} times`, finishedAt: new Date() },
        });
      } else {
        await this.queue.send('benchmark.run', { runId: run.id });
        this.logger.warn(`benchmark ${run.id} lost its worker; queued again`);
      }
    }
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Config } from '@vetted/config';
import { JOB_NAMES, type JobName, JobQueue, type ReceivedJob } from '@vetted/queue';
import { JOB_HANDLER_KEY } from './job-handler.decorator.js';
import { CONFIG } from './tokens.js';

type Handler = (job: ReceivedJob<JobName>) => Promise<void>;

/** Finds every @JobHandler, checks that each job type has exactly one, then consumes the queue. */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly queue: JobQueue,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {
    this.queue.onError((error) => this.logger.error(`queue: ${error.message}`));
  }

  async onApplicationBootstrap(): Promise<void> {
    const handlers = this.findHandlers();
    const missing = JOB_NAMES.filter((name) => !handlers.has(name));
    if (missing.length > 0) throw new Error(`No handler for job type(s): ${missing.join(', ')}`);

    await this.queue.start();
    const consumed: string[] = [];
    for (const [name, handler] of handlers) {
      // Benchmarks hold a GPU each (0: another worker runs them); everything else is I/O-bound and light.
      const concurrency = name === 'benchmark.run' ? this.config.benchmarks.concurrency : 1;
      if (concurrency > 0) consumed.push(name);
      await this.queue.work(
        name,
        async (job) => {
          const started = Date.now();
          try {
            await handler(job);
            this.logger.log(`${name} ${job.id} done in ${Date.now() - started} ms`);
          } catch (error) {
            this.logger.error(`${name} ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
            throw error; // pg-boss retries with backoff, then marks the job failed
          }
        },
        concurrency,
      );
    }
    this.logger.log(`consuming ${consumed.join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }

  private findHandlers(): Map<JobName, Handler> {
    const handlers = new Map<JobName, Handler>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const fn = instance[method] as Handler;
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER_KEY, fn);
        if (!name) continue;
        if (handlers.has(name)) throw new Error(`Two handlers for job type ${name}`);
        handlers.set(name, fn.bind(instance));
      }
    }
    return handlers;
  }
}

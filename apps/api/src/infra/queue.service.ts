import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { requireDatabaseUrl } from '@vetted/config';
import { JobQueue, type JobName, type JobPayloads, transactionExecutor } from '@vetted/queue';
import { CONFIG, type Config } from './config.provider.js';
import type { Transaction } from './prisma.service.js';

/** Sends jobs from the API; queued inside the caller's transaction so a rolled-back write queues nothing. */
@Injectable()
export class QueueService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(QueueService.name);
  private readonly queue: JobQueue;

  constructor(@Inject(CONFIG) config: Config) {
    this.queue = new JobQueue({ databaseUrl: requireDatabaseUrl(config), supervise: false, applicationName: 'vetted-api' });
    this.queue.onError((error) => this.logger.error(`queue: ${error.message}`));
  }

  async onModuleInit(): Promise<void> {
    await this.queue.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.stop();
  }

  async send<N extends JobName>(tx: Transaction, name: N, data: JobPayloads[N]): Promise<string> {
    return this.queue.send(name, data, transactionExecutor(tx));
  }
}

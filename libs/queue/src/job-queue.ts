import PgBoss from 'pg-boss';
import { JOB_NAMES, JOB_QUEUE_OPTIONS, type JobName, type JobPayloads } from './jobs.js';

/** Runs SQL inside the caller's transaction, so a job is queued only if that transaction commits. */
export type SqlExecutor = PgBoss.Db;

/** The one method of a Prisma transaction client that queueing needs. */
export interface RawSqlTransaction {
  $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T>;
}

/** Lets pg-boss write its job row through an open Prisma transaction. */
export function transactionExecutor(tx: RawSqlTransaction): SqlExecutor {
  return { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) };
}

export interface JobQueueOptions {
  databaseUrl: string;
  /** Only workers supervise (expire, retry, archive); API replicas just send. */
  supervise: boolean;
  applicationName: string;
}

export interface ReceivedJob<N extends JobName> {
  id: string;
  name: N;
  data: JobPayloads[N];
  /** 1 on the first try; pg-boss retries a job that throws (or whose worker died) until its retry limit. */
  attempt: number;
  /** No retry follows if this attempt fails: a handler that must not leave its work half-done ends it now. */
  lastAttempt: boolean;
}

/** The PostgreSQL-backed job queue (pg-boss), typed by job name. */
export class JobQueue {
  private readonly boss: PgBoss;

  constructor(options: JobQueueOptions) {
    this.boss = new PgBoss({
      connectionString: options.databaseUrl,
      schema: 'pgboss',
      application_name: options.applicationName,
      max: 4,
      supervise: options.supervise,
      schedule: false,
      retryLimit: 3,
      retryBackoff: true,
    });
  }

  onError(listener: (error: Error) => void): void {
    this.boss.on('error', listener);
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const name of JOB_NAMES) {
      const options = { name, retryBackoff: true, ...JOB_QUEUE_OPTIONS[name] };
      if (await this.boss.getQueue(name)) await this.boss.updateQueue(name, options);
      else await this.boss.createQueue(name, options);
    }
  }

  async send<N extends JobName>(name: N, data: JobPayloads[N], executor?: SqlExecutor): Promise<string> {
    const id = await this.boss.send(name, data, executor ? { db: executor } : {});
    if (!id) throw new Error(`Job ${name} was not queued`);
    return id;
  }

  /** Each of the `concurrency` pollers takes one job at a time. */
  async work<N extends JobName>(name: N, handler: (job: ReceivedJob<N>) => Promise<void>, concurrency = 1): Promise<void> {
    for (let poller = 0; poller < concurrency; poller += 1) {
      await this.boss.work<JobPayloads[N]>(name, { pollingIntervalSeconds: 0.5, includeMetadata: true }, async (jobs) => {
        for (const job of jobs) {
          await handler({ id: job.id, name, data: job.data, attempt: job.retryCount + 1, lastAttempt: job.retryCount >= job.retryLimit });
        }
      });
    }
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000, wait: true });
  }
}

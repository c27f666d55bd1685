import PgBoss from 'pg-boss';
import { JOB_QUEUED_CHANNEL, JobWakeups } from './job-wakeups.js';
import { JOB_NAMES, JOB_QUEUE_OPTIONS, type JobName, type JobPayloads } from './jobs.js';

/** How often an idle worker looks for jobs nobody announced: retries that come due, sends missed while reconnecting. */
const DEFAULT_POLL_SECONDS = 2;
/** PostgreSQL's SQLSTATE for a transaction aborted to break a deadlock. */
const DEADLOCK_DETECTED = '40P01';
const DECLARE_ATTEMPTS = 5;

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
  /** Seconds between an idle worker's fetches when no notification wakes it (default 2, at least 0.5). */
  pollIntervalSeconds?: number;
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
  private readonly wakeups: JobWakeups;
  private readonly pollIntervalSeconds: number;
  /** pg-boss worker ids by job name, woken when a job of that name is queued. */
  private readonly workers = new Map<string, string[]>();
  private listening: Promise<void> | undefined;
  private readonly errorListeners: ((error: Error) => void)[] = [];

  constructor(options: JobQueueOptions) {
    this.pollIntervalSeconds = options.pollIntervalSeconds ?? DEFAULT_POLL_SECONDS;
    this.wakeups = new JobWakeups({
      databaseUrl: options.databaseUrl,
      applicationName: `${options.applicationName}-wakeups`,
      onQueued: (name) => this.wake(name),
      onError: (error) => this.errorListeners.forEach((listener) => listener(error)),
    });
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
    this.errorListeners.push(listener);
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const name of JOB_NAMES) await this.declareQueue(name);
  }

  /**
   * Creating a queue is DDL (a partition of pgboss.job): processes starting together on a new database can
   * deadlock each other there. PostgreSQL then rolls one of them back, and that one declares its queue again.
   */
  private async declareQueue(name: JobName): Promise<void> {
    const options = { name, retryBackoff: true, ...JOB_QUEUE_OPTIONS[name] };
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (await this.boss.getQueue(name)) await this.boss.updateQueue(name, options);
        else await this.boss.createQueue(name, options);
        return;
      } catch (error) {
        if ((error as { code?: unknown }).code !== DEADLOCK_DETECTED || attempt === DECLARE_ATTEMPTS) throw error;
      }
    }
  }

  /** Queues a job and wakes the workers of its type; inside `executor`'s transaction both happen only if it commits. */
  async send<N extends JobName>(name: N, data: JobPayloads[N], executor?: SqlExecutor): Promise<string> {
    const id = await this.boss.send(name, data, executor ? { db: executor } : {});
    if (!id) throw new Error(`Job ${name} was not queued`);
    await (executor ?? this.boss.getDb()).executeSql('SELECT pg_notify($1, $2)::text AS notified', [JOB_QUEUED_CHANNEL, name]);
    return id;
  }

  /**
   * Each of the `concurrency` pollers takes one job at a time. A job queued through `send` wakes them at
   * once; the poll interval only bounds how late they notice retries and jobs queued while notifications were down.
   */
  async work<N extends JobName>(name: N, handler: (job: ReceivedJob<N>) => Promise<void>, concurrency = 1): Promise<void> {
    this.listening ??= this.wakeups.start();
    await this.listening;
    for (let poller = 0; poller < concurrency; poller += 1) {
      const id = await this.boss.work<JobPayloads[N]>(
        name,
        { pollingIntervalSeconds: this.pollIntervalSeconds, includeMetadata: true },
        async (jobs) => {
          for (const job of jobs) {
            await handler({ id: job.id, name, data: job.data, attempt: job.retryCount + 1, lastAttempt: job.retryCount >= job.retryLimit });
          }
        },
      );
      this.workers.set(name, [...(this.workers.get(name) ?? []), id]);
    }
  }

  async stop(): Promise<void> {
    await this.wakeups.stop();
    await this.boss.stop({ graceful: true, timeout: 10_000, wait: true });
  }

  private wake(name: string): void {
    for (const id of this.workers.get(name) ?? []) this.boss.notifyWorker(id);
  }
}

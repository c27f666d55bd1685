import pg from 'pg';

/** The channel `JobQueue.send` notifies (in the sending transaction, so only on commit); the payload is the job name. */
export const JOB_QUEUED_CHANNEL = 'vetted_job_queued';

const RECONNECT_AFTER_MS = 1000;

export interface JobWakeupsOptions {
  databaseUrl: string;
  applicationName: string;
  /** Called with the job name of every notification. */
  onQueued: (name: string) => void;
  onError: (error: Error) => void;
}

/**
 * LISTENs on a dedicated connection (a pooled one would drop the subscription when handed back) and
 * reports every job queued anywhere, so workers fetch at once instead of at their next poll. A lost
 * connection is reopened; meanwhile the poll still finds the jobs, only later.
 */
export class JobWakeups {
  private client: pg.Client | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: JobWakeupsOptions) {}

  /** Resolves once listening; a first connection that fails is reported and retried like a lost one. */
  async start(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.options.databaseUrl, application_name: this.options.applicationName });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === JOB_QUEUED_CHANNEL && message.payload) this.options.onQueued(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('the job notification connection closed')));
    try {
      await client.connect();
      await client.query(`LISTEN ${JOB_QUEUED_CHANNEL}`);
    } catch (error) {
      this.lost(client, error instanceof Error ? error : new Error(String(error)));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.stopped || client !== this.client) return;
    this.client = undefined;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    this.options.onError(new Error(`job notifications interrupted, polling only until reconnected: ${error.message}`));
    this.reconnect = setTimeout(() => void this.start(), RECONNECT_AFTER_MS);
  }
}

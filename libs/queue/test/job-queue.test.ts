import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.js';
import { JobQueue, type SqlExecutor } from '../src/index.js';

// An hour between polls: a job picked up within the test's timeout was woken by its notification.
const POLL_NEVER_SECONDS = 3600;

describe('job queue wake-ups', () => {
  let databaseUrl: string;
  let sender: JobQueue;
  let worker: JobQueue;
  let admin: pg.Client;
  const handled: string[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    sender = new JobQueue({ databaseUrl, supervise: false, applicationName: 'test-sender' });
    worker = new JobQueue({ databaseUrl, supervise: false, applicationName: 'test-worker', pollIntervalSeconds: POLL_NEVER_SECONDS });
    await sender.start();
    await worker.start();
    await worker.work('model.created', async (job) => {
      handled.push(job.data.modelId);
      return Promise.resolve();
    });
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await worker?.stop();
    await sender?.stop();
    await admin?.end();
  });

  it('hands each queued job to a sleeping worker without waiting for its poll', async () => {
    // The worker fetched once when it started; from then on only notifications wake it.
    for (const modelId of ['first', 'second', 'third']) {
      await sender.send('model.created', { modelId, actor: 'test' });
      await expect.poll(() => handled.includes(modelId), { timeout: 10_000 }).toBe(true);
    }
  });

  it('wakes the worker when the transaction that queued the job commits', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const executor: SqlExecutor = { executeSql: (text, values) => client.query(text, values) };
    try {
      await client.query('BEGIN');
      await sender.send('model.created', { modelId: 'in-a-transaction', actor: 'test' }, executor);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    await expect.poll(() => handled.includes('in-a-transaction'), { timeout: 10_000 }).toBe(true);
  });

  it('listens again after its connection is cut', async () => {
    const listeners = () =>
      admin
        .query<{
          pid: number;
        }>(`SELECT pid FROM pg_stat_activity WHERE application_name = 'test-worker-wakeups' AND query LIKE 'LISTEN %'`)
        .then((result) => result.rows.map((row) => row.pid));
    const [before] = await listeners();
    expect(before).toBeDefined();
    await admin.query('SELECT pg_terminate_backend($1)', [before]);
    await expect.poll(async () => (await listeners()).filter((pid) => pid !== before).length, { timeout: 10_000 }).toBe(1);
    await sender.send('model.created', { modelId: 'after-reconnect', actor: 'test' });
    await expect.poll(() => handled.includes('after-reconnect'), { timeout: 10_000 }).toBe(true);
  });
});

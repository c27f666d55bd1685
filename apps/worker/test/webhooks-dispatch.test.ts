import type { INestApplicationContext } from '@nestjs/common';
import { createPrismaClient, type PrismaClient } from '@vetted/db';
import { recordEvent } from '@vetted/lifecycle';
import { EVENT_ORDER_LOCK } from '@vetted/lifecycle';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safetensorsFile } from '../../../libs/formats/test/safetensors-writer.js';
import { TestReceiver } from '../../../libs/webhooks/test/test-receiver.js';
import { ADMIN_TOKEN, ApiHarness } from '../../api/test/api-harness.js';
import { createWorker } from '../src/worker.js';
import { commitEvent, dispatched, DELIVERY_WAIT, modelCreated, TestClock, webhookWorker } from './webhooks-harness.js';

let api: ApiHarness;
let db: PrismaClient;
let receiver: TestReceiver;

beforeAll(async () => {
  api = await ApiHarness.start({
    webhooks: { disableAfter: 20, timeoutMs: 10_000, addresses: { allowLoopback: true, allow: [], deny: [] } },
  });
  db = createPrismaClient(api.databaseUrl, 4);
  receiver = await TestReceiver.start();
});
afterAll(async () => {
  await receiver?.close();
  await db?.$disconnect();
  await api?.close();
});

async function createWebhook(body: object): Promise<{ id: string; secret: string }> {
  const reply = await api.request('POST', '/v1/webhooks', { key: ADMIN_TOKEN, body });
  expect(reply.status).toBe(201);
  return reply.body;
}

const deliveredSubjects = (namespace: string) =>
  receiver.requests
    .map((request) => JSON.parse(request.body))
    .filter((message) => message.data.namespace === namespace)
    .map((message) => message.data.subject.id);

describe('dispatching events to webhooks', () => {
  it('sends nothing for a change that rolled back', async () => {
    await createWebhook({ url: receiver.url, namespace: 'rollback' });
    const worker = webhookWorker(api.config, db, new TestClock());
    await expect(
      db.$transaction(async (tx) => {
        await recordEvent(tx, modelCreated('rollback', 'undone'));
        throw new Error('the change failed after its event was written');
      }),
    ).rejects.toThrow('the change failed');
    const kept = await commitEvent(db, modelCreated('rollback', 'kept'));
    await expect
      .poll(async () => {
        await worker.round();
        return deliveredSubjects('rollback');
      }, DELIVERY_WAIT)
      .toEqual(['rollback/kept']);
    expect(await dispatched(db, kept)).toBe(true);
    expect(await db.domainEvent.count({ where: { subjectId: 'rollback/undone' } })).toBe(0);
    expect(await db.webhookDelivery.count({ where: { eventType: 'model.created', webhook: { namespace: 'rollback' } } })).toBe(1);
  });

  it('never skips an event whose transaction commits after a later one', async () => {
    await createWebhook({ url: receiver.url, namespace: 'late' });
    const worker = webhookWorker(api.config, db, new TestClock());
    const slow = new pg.Client({ connectionString: api.databaseUrl });
    await slow.connect();
    try {
      // A slow transaction writes its event as recordEvent does (the ordering lock, then the row) and stays open…
      await slow.query('BEGIN');
      await slow.query('SELECT pg_advisory_xact_lock($1)', [EVENT_ORDER_LOCK.toString()]);
      await slow.query(
        `INSERT INTO domain_events (type, actor, actor_name, subject_type, subject_id, namespace, payload)
         VALUES ('model.created', 'key:test', 'tester', 'model', 'late/slow', 'late', '{"model":"late/slow","source":"upload"}')`,
      );
      // …so a quick one waits for it instead of committing a larger seq first, and nothing is dispatched yet.
      const quick = commitEvent(db, modelCreated('late', 'quick'));
      await expect
        .poll(
          async () =>
            (await api.sql(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'`)).length,
        )
        .toBeGreaterThan(0);
      await worker.round();
      expect(deliveredSubjects('late')).toEqual([]);
      await slow.query('COMMIT');
      await quick;
    } finally {
      await slow.end();
    }
    await expect
      .poll(async () => {
        await worker.round();
        return deliveredSubjects('late').sort(); // delivery order is not guaranteed
      }, DELIVERY_WAIT)
      .toEqual(['late/quick', 'late/slow']);
  });

  it('never dispatches an event twice, however many workers dispatch at once', async () => {
    const hook = await createWebhook({ url: receiver.url, namespace: 'crowd' });
    const ids: string[] = [];
    for (let index = 0; index < 30; index += 1) ids.push(await commitEvent(db, modelCreated('crowd', `model-${index}`)));
    const clock = new TestClock();
    const otherDb = createPrismaClient(api.databaseUrl, 2);
    try {
      // While one worker holds the cursor, another dispatches nothing (and does not wait for it).
      const holder = new pg.Client({ connectionString: api.databaseUrl });
      await holder.connect();
      try {
        await holder.query(`INSERT INTO webhook_cursors (id) VALUES ('dispatcher') ON CONFLICT DO NOTHING`);
        await holder.query('BEGIN');
        await holder.query(`SELECT seq FROM webhook_cursors WHERE id = 'dispatcher' FOR UPDATE`);
        expect(await webhookWorker(api.config, db, clock).dispatcher.dispatchNew()).toBe(0);
        expect(await dispatched(db, ids[0]!)).toBe(false);
      } finally {
        await holder.query('ROLLBACK');
        await holder.end();
      }

      const workers = [webhookWorker(api.config, db, clock), webhookWorker(api.config, otherDb, clock)];
      await expect
        .poll(async () => {
          await Promise.all(workers.map((worker) => worker.dispatcher.dispatchNew()));
          return dispatched(db, ids.at(-1)!);
        }, DELIVERY_WAIT)
        .toBe(true);
      const deliveries = await db.webhookDelivery.findMany({ where: { webhookId: hook.id } });
      expect(deliveries.map((delivery) => delivery.eventId).sort()).toEqual([...ids].sort());
    } finally {
      await otherDb.$disconnect();
    }
  });
});

describe('an approval in the API', () => {
  let worker: INestApplicationContext;

  beforeAll(async () => {
    worker = await createWorker({ ...api.config, benchmarks: { ...api.config.benchmarks, auto: false }, logLevel: 'error' });
  });
  afterAll(() => worker?.close());

  it('reaches a webhook for version.approved once, signed, through the running worker', async () => {
    const hook = await createWebhook({ url: receiver.url, events: ['version.approved'], namespace: 'live' });
    const publisher = await api.keyFor('publisher', 'Paula Publisher');
    const reviewer = await api.keyFor('reviewer', 'Rolf Reviewer');
    const version = '/v1/models/live/tiny/versions/1';
    expect(
      (await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'live', name: 'tiny', license: 'mit' } })).status,
    ).toBe(201);
    expect((await api.request('POST', '/v1/models/live/tiny/versions', { key: publisher, body: { version: '1' } })).status).toBe(201);
    const upload = await api.request('PUT', `${version}/files/model.safetensors`, {
      key: publisher,
      rawBody: safetensorsFile({ weight: { dtype: 'F32', shape: [4, 4] } }),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(upload.status).toBe(201);
    expect((await api.request('POST', `${version}/submit`, { key: publisher })).status).toBe(201);
    await expect
      .poll(async () => (await api.request('GET', `${version}/scan`, { key: reviewer })).body.scannedAt, { timeout: 30_000 })
      .not.toBeNull();
    const approved = await api.request('POST', `${version}/reviews`, { key: reviewer, body: { decision: 'approve', comment: 'fine' } });
    expect(approved.status).toBe(201);

    const [event] = await api.sql<{ id: string }>(
      `SELECT id FROM domain_events WHERE type = 'version.approved' AND subject_id = 'live/tiny@1'`,
    );
    await expect
      .poll(async () => (await api.request('GET', `/v1/webhooks/${hook.id}/deliveries`, { key: ADMIN_TOKEN })).body.items, {
        timeout: 30_000,
      })
      .toMatchObject([{ eventId: event!.id, status: 'succeeded', attempts: 1 }]);
    const sent = receiver.requests.filter((request) => JSON.parse(request.body).data.namespace === 'live');
    expect(sent).toHaveLength(1);
    expect(new Webhook(hook.secret).verify(sent[0]!.body, sent[0]!.headers as Record<string, string>)).toMatchObject({
      type: 'version.approved',
      data: {
        event: event!.id,
        actor: { name: 'Rolf Reviewer' },
        subject: { type: 'model_version', id: 'live/tiny@1' },
        payload: { model: 'live/tiny', version: '1', comment: 'fine', commitSha: expect.stringMatching(/^[0-9a-f]{40}$/) },
      },
    });
  });
});

import { createPrismaClient, type PrismaClient } from '@vetted/db';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingNetwork } from '../../../libs/webhooks/test/recording-network.js';
import { TestReceiver } from '../../../libs/webhooks/test/test-receiver.js';
import { ADMIN_TOKEN, ApiHarness } from '../../api/test/api-harness.js';
import { WebhookDeliveryRepository } from '../src/webhooks/webhook-delivery.repository.js';
import { commitEvent, dispatched, DELIVERY_WAIT, modelCreated, TestClock, versionApproved, webhookWorker } from './webhooks-harness.js';

let api: ApiHarness;
let db: PrismaClient;
let receiver: TestReceiver;

const DISABLE_AFTER = 3;

beforeAll(async () => {
  api = await ApiHarness.start({
    webhooks: { disableAfter: DISABLE_AFTER, timeoutMs: 10_000, addresses: { allowLoopback: true, allow: [], deny: [] } },
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

async function deliveriesOf(webhookId: string) {
  const reply = await api.request('GET', `/v1/webhooks/${webhookId}/deliveries`, { key: ADMIN_TOKEN });
  expect(reply.status).toBe(200);
  return reply.body.items;
}

const webhookView = async (id: string) => (await api.request('GET', `/v1/webhooks/${id}`, { key: ADMIN_TOKEN })).body;

/** What the reference verifier makes of a request: throws unless it is signed with `secret`. */
const verified = (secret: string, request: { body: string; headers: object }) =>
  new Webhook(secret).verify(request.body, request.headers as Record<string, string>);

describe('webhook deliveries', () => {
  it('send each matching event once, signed so that the standardwebhooks verifier accepts it, and again on request', async () => {
    const hook = await createWebhook({ url: receiver.url, events: ['version.approved'], namespace: 'signed' });
    const elsewhere = await createWebhook({ url: receiver.url, namespace: 'elsewhere' });
    const off = await createWebhook({ url: receiver.url, namespace: 'signed', enabled: false });
    await commitEvent(db, modelCreated('signed', 'tiny'));
    const eventId = await commitEvent(db, versionApproved('signed', 'tiny'));
    const clock = new TestClock();
    const worker = webhookWorker(api.config, db, clock);

    await expect
      .poll(async () => {
        await worker.round();
        return receiver.requests.length;
      }, DELIVERY_WAIT)
      .toBe(1);
    for (let round = 0; round < 3; round += 1) await worker.round();
    expect(receiver.requests).toHaveLength(1);

    const [request] = receiver.requests;
    expect(request!.headers).toMatchObject({ 'webhook-id': eventId, 'content-type': 'application/json' });
    expect(verified(hook.secret, request!)).toEqual({
      type: 'version.approved',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: {
        event: eventId,
        actor: { id: 'key:00000000-0000-4000-8000-000000000002', name: 'Rolf Reviewer' },
        subject: { type: 'model_version', id: 'signed/tiny@1.0' },
        namespace: 'signed',
        payload: { model: 'signed/tiny', version: '1.0', commitSha: null, comment: 'ship it' },
      },
    });
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({
      eventId,
      status: 'succeeded',
      attempts: 1,
      responseStatus: 200,
      responseBody: 'ok',
      error: null,
      nextAttemptAt: null,
    });
    expect(delivery.durationMs).toBeGreaterThanOrEqual(0);
    expect(await deliveriesOf(elsewhere.id)).toEqual([]);
    expect(await deliveriesOf(off.id)).toEqual([]);

    const again = await api.request('POST', `/v1/webhooks/${hook.id}/deliveries/${delivery.id}/redeliver`, { key: ADMIN_TOKEN });
    expect(again.status).toBe(202);
    clock.advance(1_000); // the API made it due by the real clock, which has moved on since the test clock was set
    await worker.round();
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.headers['webhook-id']).toBe(eventId);
    expect(verified(hook.secret, receiver.requests[1]!)).toMatchObject({ data: { event: eventId } });
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({ id: again.body.id, status: 'succeeded', redeliveryOf: delivery.id });
  });

  it('retry a receiver that is down with backoff, and deliver after a worker restart', async () => {
    const down = await TestReceiver.start();
    await down.close();
    const hook = await createWebhook({ url: down.url, namespace: 'retry' });
    const eventId = await commitEvent(db, modelCreated('retry', 'tiny'));
    const clock = new TestClock();
    const first = webhookWorker(api.config, db, clock);

    await expect
      .poll(async () => {
        await first.round();
        return (await deliveriesOf(hook.id))[0]?.attempts;
      }, DELIVERY_WAIT)
      .toBe(1);
    let [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: 'pending', responseStatus: null, error: expect.stringContaining('ECONNREFUSED') });
    expect(Date.parse(delivery.nextAttemptAt) - Date.parse(delivery.lastAttemptAt)).toBe(5_000);
    await first.round();
    expect((await deliveriesOf(hook.id))[0].attempts).toBe(1); // not due yet

    clock.advance(5_000);
    await first.round();
    [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 2 });
    expect(Date.parse(delivery.nextAttemptAt) - Date.parse(delivery.lastAttemptAt)).toBe(5 * 60_000);
    expect(await webhookView(hook.id)).toMatchObject({ enabled: true, consecutiveFailures: 2 });

    // The worker stops; another starts, with its own connection and nothing in memory; the receiver is back.
    const back = await TestReceiver.start(down.port);
    const otherDb = createPrismaClient(api.databaseUrl, 2);
    try {
      const second = webhookWorker(api.config, otherDb, clock);
      clock.advance(5 * 60_000 - 1_000);
      await second.round();
      expect(back.requests).toEqual([]);
      clock.advance(1_000);
      await second.round();
      expect(back.requests).toHaveLength(1);
      expect(back.requests[0]!.headers['webhook-id']).toBe(eventId);
      expect(verified(hook.secret, back.requests[0]!)).toMatchObject({ type: 'model.created', data: { event: eventId } });
      expect((await deliveriesOf(hook.id))[0]).toMatchObject({
        status: 'succeeded',
        attempts: 3,
        responseStatus: 200,
        nextAttemptAt: null,
      });
      expect(await webhookView(hook.id)).toMatchObject({ enabled: true, consecutiveFailures: 0 });
    } finally {
      await otherDb.$disconnect();
      await back.close();
    }
  });

  it('make an attempt again once the lease of a worker that died mid-attempt has run out', async () => {
    const hook = await createWebhook({ url: receiver.url, namespace: 'lease' });
    const eventId = await commitEvent(db, modelCreated('lease', 'tiny'));
    const clock = new TestClock();
    const worker = webhookWorker(api.config, db, clock);
    await expect
      .poll(async () => {
        await worker.dispatcher.dispatchNew();
        return (await deliveriesOf(hook.id)).length;
      }, DELIVERY_WAIT)
      .toBe(1);
    // A worker takes the delivery for a minute, then dies without sending it.
    const claimed = await new WebhookDeliveryRepository(db).claimDue(clock.now(), new Date(clock.now().getTime() + 60_000), 100);
    expect(claimed.map((delivery) => delivery.event.id)).toContain(eventId);

    const sent = () => receiver.requests.filter((request) => request.headers['webhook-id'] === eventId);
    await worker.round();
    expect(sent()).toEqual([]);
    clock.advance(60_000);
    await worker.round();
    expect(sent()).toHaveLength(1);
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('refuse a host name that resolves to loopback when the policy does not allow it, checked when connecting', async () => {
    const hook = await createWebhook({ url: `http://rebinding.test:${receiver.port}/hooks`, namespace: 'ssrf' });
    await commitEvent(db, modelCreated('ssrf', 'tiny'));
    const strict = { ...api.config, webhooks: { ...api.config.webhooks, addresses: { allowLoopback: false, allow: [], deny: [] } } };
    const network = recordingNetwork({ 'rebinding.test': ['127.0.0.1'] });
    const worker = webhookWorker(strict, db, new TestClock(), network);
    const before = receiver.requests.length;
    await expect
      .poll(async () => {
        await worker.round();
        return (await deliveriesOf(hook.id))[0]?.error;
      }, DELIVERY_WAIT)
      .toBe('rebinding.test resolves to 127.0.0.1, a loopback address');
    expect(network.connections).toEqual([]);
    expect(receiver.requests).toHaveLength(before);
  });

  it('disable a webhook after a run of failures, with the reason shown, and resume when it is enabled again', async () => {
    const failing = await TestReceiver.start();
    failing.answer = (_request, response) => response.writeHead(500).end('boom');
    try {
      const hook = await createWebhook({ url: failing.url, namespace: 'flaky' });
      for (let index = 0; index < DISABLE_AFTER; index += 1) await commitEvent(db, modelCreated('flaky', `model-${index}`));
      const clock = new TestClock();
      const worker = webhookWorker(api.config, db, clock);

      await expect
        .poll(async () => {
          await worker.round();
          return (await webhookView(hook.id)).enabled;
        }, DELIVERY_WAIT)
        .toBe(false);
      expect(await webhookView(hook.id)).toMatchObject({
        consecutiveFailures: DISABLE_AFTER,
        disabledReason: `Disabled after ${DISABLE_AFTER} failed delivery attempts in a row; the last: answered 500`,
        disabledAt: expect.any(String),
      });
      const [audit] = await api.sql(`SELECT actor, data FROM audit_events WHERE action = 'webhook.disabled' AND subject_id = $1`, [
        hook.id,
      ]);
      expect(audit).toMatchObject({ actor: 'worker', data: { reason: expect.stringContaining('answered 500') } });
      expect(failing.requests).toHaveLength(DISABLE_AFTER);
      expect((await deliveriesOf(hook.id)).map((delivery: { responseBody: string }) => delivery.responseBody)).toEqual([
        'boom',
        'boom',
        'boom',
      ]);

      // Disabled: its retries wait, and what happens meanwhile is not sent to it.
      const meanwhile = await commitEvent(db, modelCreated('flaky', 'while-disabled'));
      clock.advance(60_000);
      await expect
        .poll(async () => {
          await worker.round();
          return dispatched(db, meanwhile);
        }, DELIVERY_WAIT)
        .toBe(true);
      expect(failing.requests).toHaveLength(DISABLE_AFTER);
      expect(await deliveriesOf(hook.id)).toHaveLength(DISABLE_AFTER);

      failing.answer = (_request, response) => response.end('ok');
      const enabled = await api.request('PATCH', `/v1/webhooks/${hook.id}`, { key: ADMIN_TOKEN, body: { enabled: true } });
      expect(enabled.body).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledReason: null });
      await worker.round();
      expect(failing.requests).toHaveLength(2 * DISABLE_AFTER);
      expect((await deliveriesOf(hook.id)).map((delivery: { status: string }) => delivery.status)).toEqual([
        'succeeded',
        'succeeded',
        'succeeded',
      ]);
    } finally {
      await failing.close();
    }
  });
});

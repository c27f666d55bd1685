import { loadConfig } from '@vetted/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, ApiHarness } from './api-harness.js';

let api: ApiHarness;
let admin: string;

const create = (body: object, key = admin) => api.request('POST', '/v1/webhooks', { key, body });

beforeAll(async () => {
  api = await ApiHarness.start();
  admin = await api.keyFor('admin', 'Ada Admin');
});
afterAll(() => api?.close());

describe('webhooks', () => {
  it('are created with a secret shown once, listed, read, updated and deleted, each change audited', async () => {
    const created = await create({
      url: 'https://ci.example.com/hooks/vetted',
      events: ['version.approved', 'version.approved'],
      namespace: 'acme',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: 'https://ci.example.com/hooks/vetted',
      events: ['version.approved'],
      namespace: 'acme',
      description: '',
      enabled: true,
      disabledReason: null,
      consecutiveFailures: 0,
      createdBy: expect.stringMatching(/^key:/),
      createdByName: 'Ada Admin',
    });
    const { id, secret } = created.body;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const read = await api.request('GET', `/v1/webhooks/${id}`, { key: admin });
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    const listed = await api.request('GET', '/v1/webhooks', { key: admin });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(id);
    expect(listed.text).not.toContain(secret.slice('whsec_'.length));

    const updated = await api.request('PATCH', `/v1/webhooks/${id}`, {
      key: admin,
      body: { events: [], namespace: null, description: 'deploy on approval', enabled: false },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      events: [],
      namespace: null,
      description: 'deploy on approval',
      enabled: false,
      disabledReason: 'Disabled by Ada Admin',
    });
    const enabled = await api.request('PATCH', `/v1/webhooks/${id}`, { key: admin, body: { enabled: true } });
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null });

    const rotated = await api.request('POST', `/v1/webhooks/${id}/rotate-secret`, { key: admin });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(secret);
    const [stored] = await api.sql<{ secret: string }>('SELECT secret FROM webhooks WHERE id = $1', [id]);
    expect(stored?.secret).toBe(rotated.body.secret);

    expect((await api.request('DELETE', `/v1/webhooks/${id}`, { key: admin })).status).toBe(204);
    expect((await api.request('GET', `/v1/webhooks/${id}`, { key: admin })).body.code).toBe('webhook_not_found');

    const audit = await api.sql<{ action: string; data: object }>(
      `SELECT action, data FROM audit_events WHERE subject_type = 'webhook' AND subject_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((row) => row.action)).toEqual([
      'webhook.created',
      'webhook.updated',
      'webhook.updated',
      'webhook.secret_rotated',
      'webhook.deleted',
    ]);
    const trail = JSON.stringify(audit);
    expect(trail).not.toContain(secret.slice('whsec_'.length));
    expect(trail).not.toContain(rotated.body.secret.slice('whsec_'.length));
  });

  it('are for admins only', async () => {
    const { body } = await create({ url: 'https://ci.example.com/a' });
    for (const role of ['viewer', 'publisher', 'reviewer'] as const) {
      const key = await api.keyFor(role);
      expect((await create({ url: 'https://ci.example.com/b' }, key)).status).toBe(403);
      expect((await api.request('GET', '/v1/webhooks', { key })).status).toBe(403);
      expect((await api.request('GET', `/v1/webhooks/${body.id}/deliveries`, { key })).status).toBe(403);
    }
    expect((await api.request('GET', '/v1/webhooks')).status).toBe(401);
  });

  it.each([
    [{ url: 'ftp://ci.example.com/x' }, 'url'],
    [{ url: 'not a url' }, 'url'],
    [{ url: 'https://ci.example.com/x', events: ['version.exploded'] }, 'events.0'],
    [{ url: 'https://ci.example.com/x', namespace: 'bad--name' }, 'namespace'],
    [{ url: 'https://ci.example.com/x', secret: 'whsec_mine' }, 'body'],
  ])('refuses %j (field %s)', async (body, field) => {
    const reply = await create(body);
    expect([reply.status, reply.body.code]).toEqual([400, 'validation_failed']);
    expect(reply.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it.each(['http://169.254.169.254/latest/meta-data/', 'http://127.0.0.1:8080/', 'http://[::1]/', 'http://[fd00:ec2::254]/'])(
    'refuses a URL whose host is an address the policy refuses: %s',
    async (url) => {
      const reply = await create({ url });
      expect([reply.status, reply.body.code, reply.body.errors[0].field]).toEqual([400, 'webhook_address_refused', 'url']);
    },
  );

  it('accept private addresses, and loopback where the operator allows it', async () => {
    expect((await create({ url: 'http://10.1.2.3:8080/hooks' })).status).toBe(201);
    const local = await ApiHarness.start({
      webhooks: { ...loadConfig({}).webhooks, addresses: { allowLoopback: true, allow: [], deny: [] } },
    });
    try {
      expect((await local.request('POST', '/v1/webhooks', { key: ADMIN_TOKEN, body: { url: 'http://127.0.0.1:8080/' } })).status).toBe(201);
    } finally {
      await local.close();
    }
  });

  it('are documented in the OpenAPI document', async () => {
    const { body } = await api.request('GET', '/openapi.json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/webhooks',
        '/v1/webhooks/{id}',
        '/v1/webhooks/{id}/rotate-secret',
        '/v1/webhooks/{id}/deliveries',
        '/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
      ]),
    );
    expect(Object.keys(body.paths['/v1/webhooks/{id}'])).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));
    expect(body.paths['/v1/webhooks'].post.responses['201'].content['application/json'].schema.properties).toHaveProperty('secret');
  });
});

describe('the delivery log', () => {
  let webhook: string;
  let eventId: string;

  beforeAll(async () => {
    webhook = (await create({ url: 'https://ci.example.com/log' })).body.id;
    const [event] = await api.sql<{ id: string }>(
      `INSERT INTO domain_events (type, actor, actor_name, subject_type, subject_id, namespace, payload)
       VALUES ('model.created', 'key:x', 'x', 'model', 'acme/log', 'acme', '{"model":"acme/log","source":"upload"}') RETURNING id`,
    );
    eventId = event!.id;
    for (let index = 0; index < 5; index += 1) {
      await api.sql(
        `INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, status, attempts, response_status, error, created_at)
         VALUES ($1, $2, 'model.created', $3, 1, $4, $5, now() - make_interval(mins => $6))`,
        [webhook, eventId, index === 0 ? 'failed' : 'succeeded', index === 0 ? 500 : 200, index === 0 ? 'answered 500' : null, index],
      );
    }
  });

  it('pages newest first and filters by status', async () => {
    const first = await api.request('GET', `/v1/webhooks/${webhook}/deliveries?limit=3`, { key: admin });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.items[0]).toMatchObject({
      status: 'failed',
      responseStatus: 500,
      error: 'answered 500',
      attempts: 1,
      eventId,
      eventType: 'model.created',
    });
    const rest = await api.request('GET', `/v1/webhooks/${webhook}/deliveries?limit=3&cursor=${first.body.nextCursor}`, { key: admin });
    expect(rest.body.items).toHaveLength(2);
    expect(rest.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...rest.body.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(5);
    const failed = await api.request('GET', `/v1/webhooks/${webhook}/deliveries?status=failed`, { key: admin });
    expect(failed.body.items.map((item: { status: string }) => item.status)).toEqual(['failed']);
    expect((await api.request('GET', `/v1/webhooks/${webhook}/deliveries?cursor=nonsense`, { key: admin })).body.code).toBe(
      'invalid_cursor',
    );
  });

  it('redelivers an event as a new delivery due now, audited; not for a disabled webhook', async () => {
    const [failed] = (await api.request('GET', `/v1/webhooks/${webhook}/deliveries?status=failed`, { key: admin })).body.items;
    const redelivered = await api.request('POST', `/v1/webhooks/${webhook}/deliveries/${failed.id}/redeliver`, { key: admin });
    expect(redelivered.status).toBe(202);
    expect(redelivered.body).toMatchObject({
      status: 'pending',
      attempts: 0,
      eventId,
      redeliveryOf: failed.id,
      requestedBy: expect.stringMatching(/^key:/),
    });
    expect(Date.parse(redelivered.body.nextAttemptAt)).toBeLessThanOrEqual(Date.now());
    const [audit] = await api.sql(`SELECT data FROM audit_events WHERE action = 'webhook.redelivery_requested' AND subject_id = $1`, [
      webhook,
    ]);
    expect(audit?.data).toEqual({ delivery: redelivered.body.id, of: failed.id, event: eventId });

    const unknown = await api.request('POST', `/v1/webhooks/${webhook}/deliveries/${crypto.randomUUID()}/redeliver`, { key: admin });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'delivery_not_found']);
    await api.request('PATCH', `/v1/webhooks/${webhook}`, { key: admin, body: { enabled: false } });
    const disabled = await api.request('POST', `/v1/webhooks/${webhook}/deliveries/${failed.id}/redeliver`, { key: admin });
    expect([disabled.status, disabled.body.code]).toEqual([409, 'webhook_disabled']);
  });

  it('answers 404 for an unknown webhook', async () => {
    const reply = await api.request('GET', `/v1/webhooks/${crypto.randomUUID()}/deliveries`, { key: admin });
    expect([reply.status, reply.body.code]).toEqual([404, 'webhook_not_found']);
  });
});

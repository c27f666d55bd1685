import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '@vetted/domain';
import { ADMIN_TOKEN, ApiHarness } from './api-harness.js';

let api: ApiHarness;
beforeAll(async () => {
  api = await ApiHarness.start();
});
afterAll(() => api.close());

describe('API keys', () => {
  it('are created by an admin, shown once and stored only as a hash', async () => {
    const reply = await api.request('POST', '/v1/keys', { key: ADMIN_TOKEN, body: { name: 'ci', role: 'publisher' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ name: 'ci', role: 'publisher', createdBy: 'admin-token', revokedAt: null });
    const key: string = reply.body.key;
    expect(key).toMatch(/^hf_[A-Za-z0-9]{34}$/);
    expect(reply.body.prefix).toBe(key.slice(0, 7));

    const stored = await api.sql<{ hash: string }>('SELECT * FROM api_keys WHERE id = $1', [reply.body.id]);
    expect(stored[0]!.hash).toBe(hashApiKey(key));
    expect(JSON.stringify(stored)).not.toContain(key);

    const listed = await api.request('GET', '/v1/keys', { key: ADMIN_TOKEN });
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((k: { id: string }) => k.id === reply.body.id)).not.toHaveProperty('key');
    expect(listed.text).not.toContain(key);

    const audit = await api.sql('SELECT actor, action FROM audit_events WHERE subject_id = $1', [reply.body.id]);
    expect(audit).toEqual([{ actor: 'admin-token', action: 'api_key.created' }]);
  });

  it('authenticate as themselves and record when they were used', async () => {
    const key = await api.keyFor('reviewer');
    const reply = await api.request('GET', '/v1/whoami', { key });
    expect(reply.status).toBe(200);
    expect(reply.body.role).toBe('reviewer');
    expect(reply.body.actor).toMatch(/^key:/);
    await expect
      .poll(async () => (await api.sql('SELECT last_used_at FROM api_keys WHERE hash = $1', [hashApiKey(key)]))[0]?.last_used_at)
      .toBeInstanceOf(Date);
  });

  it('stop working once revoked, and revoking twice is harmless', async () => {
    const created = await api.request('POST', '/v1/keys', { key: ADMIN_TOKEN, body: { name: 'temp', role: 'viewer' } });
    expect((await api.request('GET', '/v1/models', { key: created.body.key })).status).toBe(200);
    expect((await api.request('DELETE', `/v1/keys/${created.body.id}`, { key: ADMIN_TOKEN })).status).toBe(204);
    expect((await api.request('DELETE', `/v1/keys/${created.body.id}`, { key: ADMIN_TOKEN })).status).toBe(204);
    const after = await api.request('GET', '/v1/models', { key: created.body.key });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('invalid_api_key');
    const audit = await api.sql('SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id', [created.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['api_key.created', 'api_key.revoked']);
  });

  it('reject an unknown key id and a malformed one', async () => {
    expect((await api.request('DELETE', '/v1/keys/0b7a6c1e-8e8b-4c43-9d4e-0a6f4c9d2e11', { key: ADMIN_TOKEN })).body.code).toBe(
      'api_key_not_found',
    );
    const bad = await api.request('DELETE', '/v1/keys/not-a-uuid', { key: ADMIN_TOKEN });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'id', message: expect.any(String) }]);
  });

  it('validate the new key: name required, role one of the four', async () => {
    const reply = await api.request('POST', '/v1/keys', { key: ADMIN_TOKEN, body: { name: '', role: 'owner' } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'role']);
  });
});

describe('authentication and roles', () => {
  it('needs a key everywhere except /health, /docs and /openapi.json', async () => {
    for (const url of ['/v1/models', '/v1/licenses', '/v1/keys', '/v1/audit', '/metrics', '/v1/whoami']) {
      const reply = await api.request('GET', url);
      expect({ url, status: reply.status }).toEqual({ url, status: 401 });
      expect(reply.headers['content-type']).toContain('application/problem+json');
      expect(reply.headers['www-authenticate']).toBe('Bearer');
      expect(reply.body.code).toBe('unauthenticated');
    }
    for (const url of ['/health', '/openapi.json', '/docs']) {
      expect({ url, status: (await api.request('GET', url)).status }).toEqual({ url, status: 200 });
    }
  });

  it('rejects unknown keys and malformed headers', async () => {
    expect((await api.request('GET', '/v1/models', { key: 'hf_nope' })).body.code).toBe('invalid_api_key');
    const basic = await api.request('GET', '/v1/models', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
  });

  it('enforces viewer < publisher < reviewer < admin', async () => {
    const viewer = await api.keyFor('viewer');
    const publisher = await api.keyFor('publisher');
    const reviewer = await api.keyFor('reviewer');

    const create = (key: string, name: string) => api.request('POST', '/v1/models', { key, body: { namespace: 'roles', name } });
    const denied = await create(viewer, 'by-viewer');
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('insufficient_role');
    expect((await create(publisher, 'by-publisher')).status).toBe(201);
    expect((await create(reviewer, 'by-reviewer')).status).toBe(201);

    for (const key of [viewer, publisher, reviewer]) {
      expect((await api.request('POST', '/v1/keys', { key, body: { name: 'x', role: 'admin' } })).status).toBe(403);
      expect((await api.request('GET', '/v1/audit', { key })).status).toBe(403);
    }
    expect((await api.request('GET', '/metrics', { key: viewer })).status).toBe(200);
  });
});

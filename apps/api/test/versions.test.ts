import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness } from './api-harness.js';

let api: ApiHarness;
let publisher: string;
let viewer: string;
const base = '/v1/models/acme/tiny/versions';

beforeAll(async () => {
  api = await ApiHarness.start();
  publisher = await api.keyFor('publisher');
  viewer = await api.keyFor('viewer');
  expect(
    (await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'acme', name: 'tiny', license: 'mit' } })).status,
  ).toBe(201);
});
afterAll(() => api.close());

describe('versions', () => {
  it('are created as drafts and audited', async () => {
    const reply = await api.request('POST', base, { key: publisher, body: { version: '1.0' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ version: '1.0', status: 'draft', commitSha: null, license: null, facts: {} });
    const audit = await api.sql(`SELECT action FROM audit_events WHERE subject_id = 'acme/tiny@1.0'`);
    expect(audit).toEqual([{ action: 'version.created' }]);
  });

  it('refuse a duplicate label with 409', async () => {
    expect((await api.request('POST', base, { key: publisher, body: { version: 'dup' } })).status).toBe(201);
    const again = await api.request('POST', base, { key: publisher, body: { version: 'dup' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('version_exists');
  });

  it.each(['', 'main', '../x', 'a b', '-x', 'x'.repeat(129), 'a..b'])('refuse the label %j', async (version) => {
    const reply = await api.request('POST', base, { key: publisher, body: { version } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].field).toBe('version');
  });

  it('can carry their own license, which must be in the catalog', async () => {
    expect((await api.request('POST', base, { key: publisher, body: { version: '2.0', license: 'apache-2.0' } })).body.license).toBe(
      'apache-2.0',
    );
    expect((await api.request('POST', base, { key: publisher, body: { version: '2.1', license: 'nope' } })).body.code).toBe(
      'unknown_license',
    );
  });

  it('are listed newest first with pagination, and fetched one by one', async () => {
    const page1 = await api.request('GET', `${base}?limit=2`, { key: publisher });
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await api.request('GET', `${base}?limit=2&cursor=${page1.body.nextCursor}`, { key: publisher });
    const labels = [...page1.body.items, ...page2.body.items].map((v: { version: string }) => v.version);
    expect(labels).toEqual(['2.0', 'dup', '1.0']);
    const one = await api.request('GET', `${base}/1.0`, { key: publisher });
    expect(one.body).toMatchObject({ version: '1.0', status: 'draft', card: null });
    expect((await api.request('GET', `${base}/9.9`, { key: publisher })).body.code).toBe('version_not_found');
  });

  it('404 under an unknown model', async () => {
    expect((await api.request('POST', '/v1/models/acme/ghost/versions', { key: publisher, body: { version: '1' } })).status).toBe(404);
    expect((await api.request('GET', '/v1/models/acme/ghost/versions', { key: publisher })).status).toBe(404);
  });

  it('are hidden from viewers until approved', async () => {
    expect((await api.request('GET', `${base}/1.0`, { key: viewer })).status).toBe(404);
    await api.sql(`UPDATE model_versions SET status = 'approved' WHERE label = '1.0'`);
    const list = await api.request('GET', base, { key: viewer });
    expect(list.body.items.map((v: { version: string }) => v.version)).toEqual(['1.0']);
    expect((await api.request('GET', `${base}/1.0`, { key: viewer })).body.status).toBe('approved');
    expect((await api.request('GET', `${base}/dup`, { key: viewer })).status).toBe(404);
  });
});

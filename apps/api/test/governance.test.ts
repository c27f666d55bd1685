import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, ApiHarness } from './api-harness.js';

let api: ApiHarness;
let viewer: string;

/** `pickle.dumps({}, protocol=2)`: a weight file the scanner finds clean. */
const EMPTY_DICT_PICKLE = Buffer.from([0x80, 0x02, 0x7d, 0x71, 0x00, 0x2e]);

beforeAll(async () => {
  api = await ApiHarness.start();
  viewer = await api.keyFor('viewer');
});
afterAll(() => api?.close());

describe('license terms are admin-editable, with provenance and an audited before/after', () => {
  it('updates terms and provenance for an admin only', async () => {
    const terms = {
      commercialUse: 'yes',
      summary: 'Reviewed by legal',
      gated: false,
      obligations: ['keep the notice'],
      outputTraining: 'allowed',
    };
    expect((await api.request('PATCH', '/v1/licenses/mit', { key: viewer, body: { terms } })).status).toBe(403);
    const reply = await api.request('PATCH', '/v1/licenses/mit', {
      key: ADMIN_TOKEN,
      body: { terms, sourceUrl: 'https://opensource.org/license/mit', reviewedAt: '2026-11-27' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      terms: { summary: 'Reviewed by legal' },
      sourceUrl: 'https://opensource.org/license/mit',
      reviewedAt: '2026-11-27',
    });
    const [event] = await api.sql<{ data: { before: { terms: { summary: string } }; after: { terms: { summary: string } } } }>(
      `SELECT data FROM audit_events WHERE action = 'license.updated' AND subject_id = 'mit'`,
    );
    expect(event!.data.before.terms.summary).toBe('Permissive; keep the copyright notice.');
    expect(event!.data.after.terms.summary).toBe('Reviewed by legal');
    const invalid = await api.request('PATCH', '/v1/licenses/mit', { key: ADMIN_TOKEN, body: { terms: { commercialUse: 'maybe' } } });
    expect(invalid.status).toBe(400);
  });
});

describe('the audit trail', () => {
  it('filters by actor and time range', async () => {
    const from = new Date().toISOString();
    await api.request('POST', '/v1/models', { key: ADMIN_TOKEN, body: { namespace: 'audit', name: 'one' } });
    const byActor = await api.request('GET', `/v1/audit?actor=admin-token&from=${encodeURIComponent(from)}`, { key: ADMIN_TOKEN });
    expect(byActor.body.items.map((e: { action: string }) => e.action)).toContain('model.created');
    expect(byActor.body.items.every((e: { actor: string }) => e.actor === 'admin-token')).toBe(true);
    const before = await api.request('GET', `/v1/audit?to=${encodeURIComponent(from)}&action=model.created`, { key: ADMIN_TOKEN });
    expect(before.body.items).toEqual([]);
  });

  it('cannot be rewritten, even with direct database access', async () => {
    await expect(api.sql(`UPDATE audit_events SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(api.sql(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(api.sql(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });
});

describe('rate limits per key', () => {
  let limited: ApiHarness;
  let writer: string;
  let other: string;
  beforeAll(async () => {
    limited = await ApiHarness.start({ rateLimits: { writes: 4, downloads: 2 } });
    writer = await limited.keyFor('publisher', 'writer');
    other = await limited.keyFor('publisher', 'other');
  });
  afterAll(() => limited?.close());

  it('answer 429 with Retry-After once a key exceeds its writes per minute, without affecting other keys', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await limited.request('POST', '/v1/models', { key: writer, body: { namespace: 'limits', name: `m${i}` } })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201]);
    const refused = await limited.request('POST', '/v1/models', { key: writer, body: { namespace: 'limits', name: 'more' } });
    expect([refused.status, refused.body.code]).toEqual([429, 'rate_limited']);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await limited.request('GET', '/v1/models', { key: writer })).status).toBe(200); // reads are not limited
    expect((await limited.request('POST', '/v1/models', { key: other, body: { namespace: 'limits', name: 'other' } })).status).toBe(201);
  });

  it('limit downloads too', async () => {
    const key = other;
    await limited.request('POST', '/v1/models/limits/other/versions', { key, body: { version: '1' } });
    const file = '/v1/models/limits/other/versions/1/files/a.txt';
    await limited.request('PUT', file, { key, rawBody: 'a', headers: { 'content-type': 'application/octet-stream' } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await limited.request('GET', file, { key })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('organisation policy', () => {
  it('is set by admins, audited, and applied at review time', async () => {
    const publisher = await api.keyFor('publisher', 'policy publisher');
    const reviewer = await api.keyFor('reviewer', 'policy reviewer');
    expect((await api.request('PUT', '/v1/policy', { key: reviewer, body: { noNonCommercial: true } })).status).toBe(403);
    const set = await api.request('PUT', '/v1/policy', { key: ADMIN_TOKEN, body: { noNonCommercial: true, blockedLicenses: ['llama2'] } });
    expect(set.body).toMatchObject({
      noNonCommercial: true,
      blockedLicenses: ['llama2'],
      allowedLicenses: [],
      benchmarkRequired: false,
      updatedBy: 'admin-token',
    });
    expect((await api.request('GET', '/v1/policy', { key: viewer })).body.noNonCommercial).toBe(true);

    for (const [name, license] of [
      ['nc', 'cc-by-nc-4.0'],
      ['old-llama', 'llama2'],
      ['fine', 'mit'],
    ] as const) {
      await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'policy', name, license } });
      await api.request('POST', `/v1/models/policy/${name}/versions`, { key: publisher, body: { version: '1' } });
      await api.request('PUT', `/v1/models/policy/${name}/versions/1/files/w.bin`, {
        key: publisher,
        rawBody: EMPTY_DICT_PICKLE,
        headers: { 'content-type': 'application/octet-stream' },
      });
      await api.request('POST', `/v1/models/policy/${name}/versions/1/submit`, { key: publisher });
      await api.scan('policy', name, '1');
    }
    const approve = (name: string) =>
      api.request('POST', `/v1/models/policy/${name}/versions/1/reviews`, { key: reviewer, body: { decision: 'approve', comment: 'ok' } });
    expect((await approve('nc')).body.detail).toContain('policy refuses non-commercial licenses');
    expect((await approve('old-llama')).body.detail).toContain('policy blocks the license "llama2"');
    expect((await approve('fine')).status).toBe(201);

    await api.request('PUT', '/v1/policy', { key: ADMIN_TOKEN, body: { benchmarkRequired: true } });
    const queue = await api.request('GET', '/v1/reviews/queue', { key: reviewer });
    const nc = queue.body.items.find((item: { model: string }) => item.model === 'policy/nc');
    expect(nc.evidence.blockers).toContain('policy requires a successful benchmark');
    const audit = await api.sql<{ data: { before: { noNonCommercial: boolean }; after: { noNonCommercial: boolean } } }>(
      `SELECT data FROM audit_events WHERE action = 'policy.updated' ORDER BY id`,
    );
    expect(audit.map((a) => [a.data.before.noNonCommercial, a.data.after.noNonCommercial])).toEqual([
      [false, true],
      [true, false],
    ]);
  });
});

describe('audit completeness', () => {
  it('records exactly one event per action of a scripted sequence, with its actor', async () => {
    const fresh = await ApiHarness.start();
    try {
      const publisher = await fresh.keyFor('publisher');
      const reviewer = await fresh.keyFor('reviewer');
      const reader = await fresh.keyFor('viewer');
      const base = '/v1/models/script/model';
      await fresh.request('POST', '/v1/models', { key: publisher, body: { namespace: 'script', name: 'model', license: 'mit' } });
      await fresh.request('PATCH', base, { key: publisher, body: { description: 'scripted' } });
      await fresh.request('POST', `${base}/versions`, { key: publisher, body: { version: '1' } });
      await fresh.request('PUT', `${base}/versions/1/files/w.bin`, {
        key: publisher,
        rawBody: EMPTY_DICT_PICKLE,
        headers: { 'content-type': 'application/octet-stream' },
      });
      await fresh.request('POST', `${base}/versions/1/submit`, { key: publisher });
      await fresh.scan('script', 'model', '1');
      await fresh.request('POST', `${base}/versions/1/reviews`, { key: reviewer, body: { decision: 'approve', comment: 'ok' } });
      expect((await fresh.request('GET', `${base}/versions/1/files/w.bin`, { key: reader })).status).toBe(200);
      await expect.poll(() => fresh.sql(`SELECT 1 FROM audit_events WHERE action = 'file.downloaded'`)).toHaveLength(1);
      await fresh.request('POST', `${base}/versions/1/revoke`, { key: reviewer, body: { reason: 'scripted' } });
      await fresh.request('PUT', '/v1/policy', { key: ADMIN_TOKEN, body: { noNonCommercial: true } });
      await fresh.request('PATCH', '/v1/licenses/mit', { key: ADMIN_TOKEN, body: { reviewedAt: '2026-11-27' } });
      const keys = (await fresh.request('GET', '/v1/keys', { key: ADMIN_TOKEN })).body.items as { id: string; name: string }[];
      await fresh.request('DELETE', `/v1/keys/${keys.find((k) => k.name === 'viewer key')!.id}`, { key: ADMIN_TOKEN });

      const events = (await fresh.request('GET', '/v1/audit?limit=100', { key: ADMIN_TOKEN })).body.items as {
        actor: string;
        action: string;
        subjectId: string;
      }[];
      const actorName = (actor: string) =>
        actor === 'admin-token' ? 'admin' : (keys.find((k) => `key:${k.id}` === actor)?.name.replace(' key', '') ?? actor);
      expect(events.reverse().map((e) => `${actorName(e.actor)} ${e.action} ${e.subjectId.replace(/^[0-9a-f-]{36}$/, '<id>')}`)).toEqual([
        'admin api_key.created <id>',
        'admin api_key.created <id>',
        'admin api_key.created <id>',
        'publisher model.created script/model',
        'publisher model.updated script/model',
        'publisher version.created script/model@1',
        'publisher file.uploaded script/model@1/w.bin',
        'publisher version.submitted script/model@1',
        'worker version.scanned script/model@1',
        'reviewer version.approved script/model@1',
        'viewer file.downloaded script/model@1/w.bin',
        'reviewer version.revoked script/model@1',
        'admin policy.updated default',
        'admin license.updated mit',
        'admin api_key.revoked <id>',
      ]);
    } finally {
      await fresh.close();
    }
  });
});

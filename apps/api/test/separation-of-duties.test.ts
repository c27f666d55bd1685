import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlpModel } from '../../../test/onnx-model.js';
import { ADMIN_TOKEN, ApiHarness } from './api-harness.js';

let api: ApiHarness;
let publisher: string;
let otherPublisher: string;
let reviewer: string;
let secondReviewer: string;

const octets = { 'content-type': 'application/octet-stream' };
const model = (name: string) => `/v1/models/sod/${name}`;
const upload = (name: string, version: string, path: string, key: string, bytes: Buffer = mlpModel(4, 1)) =>
  api.request('PUT', `${model(name)}/versions/${version}/files/${path}`, { key, rawBody: bytes, headers: octets });
const approve = (name: string, version: string, key: string, extra: Record<string, unknown> = {}) =>
  api.request('POST', `${model(name)}/versions/${version}/reviews`, { key, body: { decision: 'approve', comment: 'looked', ...extra } });

async function draft(name: string, version: string, key: string): Promise<void> {
  if ((await api.request('GET', model(name), { key })).status === 404) {
    expect((await api.request('POST', '/v1/models', { key, body: { namespace: 'sod', name, license: 'apache-2.0' } })).status).toBe(201);
  }
  expect((await api.request('POST', `${model(name)}/versions`, { key, body: { version } })).status).toBe(201);
}

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setImmediate(resolve));
}

beforeAll(async () => {
  api = await ApiHarness.start();
  publisher = await api.keyFor('publisher', 'Pat Publisher');
  otherPublisher = await api.keyFor('publisher', 'Olga Other');
  reviewer = await api.keyFor('reviewer', 'Rita Reviewer');
  secondReviewer = await api.keyFor('reviewer', 'Sam Second');
});
afterAll(() => api?.close());

describe('separation of duties', () => {
  it("refuses writes into someone else's draft: upload, delete, submit and delete of the draft", async () => {
    await draft('owned', '1', publisher);
    expect((await upload('owned', '1', 'model.onnx', publisher)).status).toBe(201);
    for (const key of [otherPublisher, reviewer]) {
      const attempts = [
        await upload('owned', '1', 'model.safetensors', key),
        await api.request('DELETE', `${model('owned')}/versions/1/files/model.onnx`, { key }),
        await api.request('POST', `${model('owned')}/versions/1/submit`, { key }),
        await api.request('DELETE', `${model('owned')}/versions/1`, { key }),
      ];
      for (const attempt of attempts) {
        expect(attempt.status).toBe(403);
        expect(attempt.body.code).toBe('not_draft_owner');
        expect(attempt.body.detail).toContain('Pat Publisher');
      }
    }
    const files = await api.request('GET', `${model('owned')}/versions/1/files`, { key: publisher });
    expect(files.body.items.map((f: { path: string }) => f.path)).toEqual(['model.onnx']);
  });

  it('the reproduction: a reviewer cannot publish bytes into a draft and approve them alone', async () => {
    await draft('alone', '1', publisher);
    // The reviewer may not write into the publisher's draft at all…
    expect((await upload('alone', '1', 'model.safetensors', reviewer)).status).toBe(403);
    // …and a draft of their own is theirs: creating, uploading and submitting bar them from approving it.
    await draft('alone', '2', reviewer);
    expect((await upload('alone', '2', 'model.onnx', reviewer)).status).toBe(201);
    expect((await api.request('POST', `${model('alone')}/versions/2/submit`, { key: reviewer })).status).toBe(201);
    await api.scan('sod', 'alone', '2');
    const refused = await approve('alone', '2', reviewer);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('self_approval');
    expect(refused.body.detail).toContain('created, uploaded, submitted');
    expect((await approve('alone', '2', secondReviewer)).status).toBe(201);
  });

  it('an admin who changed a file of a draft is a contributor: approving needs an override; the evidence names everyone', async () => {
    await draft('shared', '1', publisher);
    expect((await upload('shared', '1', 'model.onnx', publisher)).status).toBe(201);
    expect((await upload('shared', '1', 'extra.onnx', ADMIN_TOKEN, mlpModel(3, 2))).status).toBe(201);
    expect((await api.request('DELETE', `${model('shared')}/versions/1/files/extra.onnx`, { key: ADMIN_TOKEN })).status).toBe(204);
    expect((await api.request('POST', `${model('shared')}/versions/1/submit`, { key: publisher })).status).toBe(201);
    await api.scan('sod', 'shared', '1');

    const queue = await api.request('GET', '/v1/reviews/queue', { key: reviewer });
    const item = queue.body.items.find((i: { model: string }) => i.model === 'sod/shared');
    expect(item.publishedByName).toBe('Pat Publisher');
    expect(item.evidence.contributors).toEqual([
      expect.objectContaining({ name: 'Pat Publisher', role: 'publisher', actions: ['created', 'uploaded', 'submitted'] }),
      expect.objectContaining({ actor: 'admin-token', role: 'admin', actions: ['uploaded', 'deleted'] }),
    ]);

    const admin = await approve('shared', '1', ADMIN_TOKEN);
    expect(admin.status).toBe(403);
    expect(admin.body.code).toBe('self_approval');
    const overridden = await approve('shared', '1', ADMIN_TOKEN, { overrideReason: 'sole admin on call; change was a revert' });
    expect(overridden.status).toBe(201);
    expect(overridden.body.overrideReason).toBe('sole admin on call; change was a revert');
    const [audit] = await api.sql<{ data: { overrides: string[] } }>(
      `SELECT data FROM audit_events WHERE action = 'version.approved' AND subject_id = 'sod/shared@1'`,
    );
    expect(audit!.data.overrides).toEqual(['self_approval']);
  });

  it('deletes a draft with its files for its owner; submitted versions cannot be deleted', async () => {
    await draft('gone', '1', publisher);
    const bytes = Buffer.from('bytes only this draft has');
    expect((await upload('gone', '1', 'only.bin', publisher, bytes)).status).toBe(201);
    const [blob] = await api.sql<{ n: string }>(
      `SELECT count(*) AS n FROM blobs b JOIN model_files f ON f.sha256 = b.sha256 WHERE f.path = 'only.bin'`,
    );
    expect(Number(blob!.n)).toBe(1);
    expect((await api.request('DELETE', `${model('gone')}/versions/1`, { key: publisher })).status).toBe(204);
    expect((await api.request('GET', `${model('gone')}/versions/1`, { key: publisher })).status).toBe(404);
    const blobs = await api.sql(`SELECT 1 FROM blobs WHERE size = $1`, [bytes.length]);
    expect(blobs).toHaveLength(0);
    // The label is free again, and the new version's history starts afresh.
    await draft('gone', '1', publisher);
    const history = await api.request('GET', `${model('gone')}/versions/1/history`, { key: publisher });
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['version.created']);

    await draft('kept', '1', publisher);
    expect((await upload('kept', '1', 'model.onnx', publisher)).status).toBe(201);
    expect((await api.request('POST', `${model('kept')}/versions/1/submit`, { key: publisher })).status).toBe(201);
    const frozen = await api.request('DELETE', `${model('kept')}/versions/1`, { key: publisher });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('version_frozen');
  });

  it('200 concurrent uploads into one version all land or answer 503 with Retry-After, never 500', async () => {
    await draft('busy', '1', publisher);
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        upload('busy', '1', `shard-${String(i).padStart(3, '0')}.bin`, publisher, Buffer.from(`shard ${i}`)),
      ),
    );
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status !== 201 && status !== 503)).toEqual([]);
    for (const reply of replies.filter((r) => r.status === 503)) expect(reply.headers['retry-after']).toBeDefined();
    const [count] = await api.sql<{ n: string }>(
      `SELECT count(*) AS n FROM model_files f JOIN model_versions v ON v.id = f.version_id JOIN models m ON m.id = v.model_id WHERE m.name = 'busy'`,
    );
    expect(Number(count!.n)).toBe(statuses.filter((status) => status === 201).length);
  });

  it('uploads into one draft do not wait for each other, while a submit waits for them', async () => {
    await draft('parallel', '1', publisher);
    const [row] = await api.sql<{ id: string }>(
      `SELECT v.id FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.name = 'parallel' AND v.label = '1'`,
    );
    // An upload in flight holds what this transaction holds: a share lock on the version row.
    const inFlight = new pg.Client({ connectionString: api.databaseUrl });
    await inFlight.connect();
    try {
      await inFlight.query('BEGIN');
      await inFlight.query('SELECT status FROM model_versions WHERE id = $1 FOR SHARE', [row!.id]);
      const uploads = await Promise.all(
        Array.from({ length: 20 }, (_, i) => upload('parallel', '1', `part-${i}.bin`, publisher, Buffer.from(`part ${i}`))),
      );
      expect(uploads.map((reply) => reply.status)).toEqual(Array(20).fill(201));

      let submitted = false;
      const submit = api.request('POST', `${model('parallel')}/versions/1/submit`, { key: publisher }).then((reply) => {
        submitted = true;
        return reply;
      });
      await waitFor(
        async () =>
          (await api.sql(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).length > 0,
      );
      expect(submitted).toBe(false);
      await inFlight.query('COMMIT');
      expect((await submit).status).toBe(201);
    } finally {
      await inFlight.end();
    }
  });
});

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlpModel } from '../../../test/onnx-model.js';
import { type BlobStore, createBlobStore } from '@vetted/storage';
import { ADMIN_TOKEN, ApiHarness } from './api-harness.js';

let api: ApiHarness;
let publisher: string;
let viewer: string;

beforeAll(async () => {
  api = await ApiHarness.start();
  publisher = await api.keyFor('publisher');
  viewer = await api.keyFor('viewer');
});
afterAll(() => api?.close());

async function submitted(name: string): Promise<string> {
  await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'scan', name, license: 'mit' } });
  const base = `/v1/models/scan/${name}/versions/1`;
  await api.request('POST', `/v1/models/scan/${name}/versions`, { key: publisher, body: { version: '1' } });
  const put = await api.request('PUT', `${base}/files/model.onnx`, {
    key: publisher,
    rawBody: mlpModel(8, 1),
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(put.status).toBe(201);
  expect((await api.request('POST', `${base}/submit`, { key: publisher })).status).toBe(201);
  return base;
}

describe('version scans', () => {
  it('replaces every fact a scan writes, so a count it can no longer know does not linger; import facts stay', async () => {
    await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'scan', name: 'refacted', license: 'mit' } });
    const base = '/v1/models/scan/refacted/versions/1';
    await api.request('POST', '/v1/models/scan/refacted/versions', { key: publisher, body: { version: '1' } });
    await api.request('PUT', `${base}/files/notes.txt`, {
      key: publisher,
      rawBody: 'no weights here',
      headers: { 'content-type': 'text/plain' },
    });
    expect((await api.request('POST', `${base}/submit`, { key: publisher })).status).toBe(201);
    // What an earlier scanner (or an earlier scan of other files) left: a count that is not true.
    await api.sql(
      `UPDATE model_versions SET facts = '{"parameters": 0, "tensorCount": 0, "hub": {"repo": "org/x"}}', parameters = 0
       WHERE id = (SELECT v.id FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.name = 'refacted')`,
    );
    await api.scan('scan', 'refacted', '1');
    const { facts } = (await api.request('GET', `${base}/scan`, { key: publisher })).body;
    expect(facts.hub).toEqual({ repo: 'org/x' });
    expect(facts).not.toHaveProperty('parameters');
    expect(facts).not.toHaveProperty('tensorCount');
    expect((await api.request('GET', base, { key: publisher })).body.parameters).toBeNull();
  });

  it('shows each file pending until the scan, then its status, findings and facts; viewers only once approved', async () => {
    const base = await submitted('shown');
    expect((await api.request('GET', `${base}/scan`, { key: publisher })).body).toMatchObject({
      status: 'pending',
      scannedAt: null,
      counts: { pending: 1, clean: 0 },
    });
    await api.scan('scan', 'shown', '1');
    const scan = (await api.request('GET', `${base}/scan`, { key: publisher })).body;
    expect(scan).toMatchObject({
      status: 'clean',
      scannedAt: expect.any(String),
      facts: { parameters: 8 * 8 + 8, formats: ['onnx'], benchmarkFiles: ['model.onnx'] },
      files: [{ path: 'model.onnx', format: 'onnx', status: 'clean', findings: [], facts: { irVersion: 8, nodeCount: 3 } }],
    });
    expect((await api.request('GET', `${base}/scan`, { key: viewer })).status).toBe(404);
  });

  it('scans again on an admin request only, with every file pending meanwhile', async () => {
    const base = await submitted('rescanned');
    await api.scan('scan', 'rescanned', '1');
    expect((await api.request('POST', `${base}/scan`, { key: publisher })).status).toBe(403);
    const queued = await api.request('POST', `${base}/scan`, { key: ADMIN_TOKEN });
    expect([queued.status, queued.body]).toEqual([202, { version: '1', queued: true }]);
    expect((await api.request('GET', `${base}/scan`, { key: publisher })).body).toMatchObject({ status: 'pending', scannedAt: null });
    const [job] = await api.sql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'version.scan'`);
    expect(job!.n).toBeGreaterThanOrEqual(3); // two submits and the re-scan
  });

  it('discards the results of a scan that began before a re-scan was requested', async () => {
    const base = await submitted('raced');
    // A store whose reads wait until released: the first scan is caught between reading and writing.
    const store = createBlobStore(api.config.storage);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const gated: BlobStore = { ...store, kind: store.kind, read: async (key, range) => (await released, store.read(key, range)) };
    const older = api.scan('scan', 'raced', '1', gated);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await api.request('POST', `${base}/scan`, { key: ADMIN_TOKEN })).status).toBe(202);
    release();
    await expect(older).rejects.toThrow(/newer scan was requested/);
    expect((await api.request('GET', `${base}/scan`, { key: publisher })).body).toMatchObject({ status: 'pending', scannedAt: null });
    await api.scan('scan', 'raced', '1');
    expect((await api.request('GET', `${base}/scan`, { key: publisher })).body.status).toBe('clean');
  });

  it('leaves files pending (the job retries) when storage cannot be read, rather than calling them failed', async () => {
    const base = await submitted('unreadable');
    const [blob] = await api.sql<{ storage_key: string }>(
      `SELECT b.storage_key FROM blobs b JOIN model_files f ON f.sha256 = b.sha256
       JOIN model_versions v ON v.id = f.version_id JOIN models m ON m.id = v.model_id WHERE m.name = 'unreadable'`,
    );
    const storage = api.config.storage;
    if (storage.kind !== 'disk') throw new Error('the harness stores on disk');
    await rm(path.join(storage.root, blob!.storage_key));
    await expect(api.scan('scan', 'unreadable', '1')).rejects.toThrow(/reading stored bytes/);
    expect((await api.request('GET', `${base}/scan`, { key: publisher })).body).toMatchObject({
      status: 'pending',
      counts: { pending: 1, error: 0 },
    });
  });
});

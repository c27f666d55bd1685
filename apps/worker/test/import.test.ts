import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness } from '../../api/test/api-harness.js';
import { startTestHub, type TestHub } from '../../../test/hub-server.js';
import { Importer } from '../src/imports/importer.js';
import { createWorker } from '../src/worker.js';

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const commit = (seed: string): string => createHash('sha1').update(seed).digest('hex');

const README = `---
license: apache-2.0
pipeline_tag: text-classification
library_name: transformers
tags: [bert, tiny]
base_model: google-bert/bert-base-uncased
---
# Tiny BERT for tests
`;

/** A real safetensors file: 8-byte little-endian header length, JSON header, then the tensor bytes. */
function safetensors(rows: number, cols: number): Buffer {
  const data = randomBytes(rows * cols * 4);
  const header = Buffer.from(
    JSON.stringify({ weight: { dtype: 'F32', shape: [rows, cols], data_offsets: [0, data.length] }, __metadata__: { format: 'pt' } }),
  );
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(header.length));
  return Buffer.concat([length, header, data]);
}

const BERT: Record<string, Buffer> = {
  'README.md': Buffer.from(README),
  'config.json': Buffer.from(
    '{"architectures":["BertForSequenceClassification"],"hidden_size":128,"num_hidden_layers":2,"vocab_size":30522,"max_position_embeddings":512,"torch_dtype":"float32"}',
  ),
  'model.safetensors': safetensors(100, 100),
  'onnx/model.onnx': randomBytes(20_000),
  'tokenizer.json': Buffer.from('{"version":"1.0"}'),
  'weights/big.bin': randomBytes(6 * 1024 * 1024 + 3),
};

let api: ApiHarness;
let hub: TestHub;
let worker: INestApplicationContext;
let publisher: string;

beforeAll(async () => {
  hub = await startTestHub();
  api = await ApiHarness.start({ hubUrl: hub.url });
  worker = await createWorker({ ...api.config, logLevel: 'error' });
  publisher = await api.keyFor('publisher');
  hub.repos.set('google-bert/bert-tiny', { sha: commit('bert'), files: BERT });
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
  await hub?.close();
});

async function startImport(body: Record<string, unknown>): Promise<string> {
  const reply = await api.request('POST', '/v1/imports', { key: publisher, body });
  expect(reply.status).toBe(202);
  expect(reply.body.status).toBe('queued');
  return reply.body.id as string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on arbitrary JSON
async function finished(id: string): Promise<Record<string, any>> {
  await expect
    .poll(async () => (await api.request('GET', `/v1/imports/${id}`, { key: publisher })).body.status, { timeout: 20_000, interval: 100 })
    .toMatch(/^(succeeded|failed|cancelled)$/);
  return (await api.request('GET', `/v1/imports/${id}`, { key: publisher })).body;
}

describe('importing from a Hub-shaped server', () => {
  it('pins the revision, stores every file verified, parses the card and config, and hands the version to review', async () => {
    const job = await finished(await startImport({ repo: 'google-bert/bert-tiny' }));
    expect(job).toMatchObject({ status: 'succeeded', commitSha: commit('bert'), namespace: 'google-bert', name: 'bert-tiny', error: null });
    const total = Object.values(BERT).reduce((sum, body) => sum + body.length, 0);
    expect([job.bytesDone, job.bytesTotal]).toEqual([total, total]);
    expect(job.files.every((f: { status: string }) => f.status === 'stored')).toBe(true);

    const version = await api.request('GET', `/v1/models/google-bert/bert-tiny/versions/${commit('bert')}`, { key: publisher });
    expect(version.body).toMatchObject({ status: 'pending_review', commitSha: commit('bert'), license: 'apache-2.0' });
    expect(version.body.card.frontMatter).toMatchObject({ license: 'apache-2.0', pipeline_tag: 'text-classification' });
    expect(version.body.facts.config).toEqual({
      architecture: 'BertForSequenceClassification',
      hiddenSize: 128,
      layers: 2,
      vocabSize: 30522,
      contextLength: 512,
      dtype: 'float32',
    });
    expect(version.body.facts.hub).toMatchObject({ repo: 'google-bert/bert-tiny', baseModel: ['google-bert/bert-base-uncased'] });
    const model = await api.request('GET', '/v1/models/google-bert/bert-tiny', { key: publisher });
    expect(model.body).toMatchObject({
      task: 'text-classification',
      library: 'transformers',
      license: 'apache-2.0',
      tags: ['bert', 'tiny'],
      source: 'huggingface:google-bert/bert-tiny',
    });

    const files = await api.request('GET', `/v1/models/google-bert/bert-tiny/versions/${commit('bert')}/files`, { key: publisher });
    expect(files.body.items.map((f: { path: string; sha256: string }) => [f.path, f.sha256])).toEqual(
      Object.entries(BERT)
        .map(([p, b]) => [p, sha256(b)])
        .sort(),
    );
    const big = await api.request('GET', `/v1/models/google-bert/bert-tiny/versions/${commit('bert')}/files/weights/big.bin`, {
      key: publisher,
    });
    expect(sha256(big.raw)).toBe(sha256(BERT['weights/big.bin']!));
  });

  it('finds the existing version when the same repo and commit are imported again, downloading nothing', async () => {
    const downloadsBefore = hub.downloads.length;
    const job = await finished(await startImport({ repo: 'google-bert/bert-tiny', revision: commit('bert') }));
    expect(job.status).toBe('succeeded');
    expect(hub.downloads.length).toBe(downloadsBefore);
    const versions = await api.request('GET', '/v1/models/google-bert/bert-tiny/versions', { key: publisher });
    expect(versions.body.items).toHaveLength(1);
  });

  it('skips content already stored and honours include/exclude', async () => {
    hub.repos.set('mirror/bert-copy', { sha: commit('copy'), files: { ...BERT, 'extra.txt': Buffer.from('extra') } });
    const downloadsBefore = hub.downloads.length;
    const job = await finished(
      await startImport({ repo: 'mirror/bert-copy', include: ['*.safetensors', '*.json', '*.txt'], exclude: ['tokenizer.json'] }),
    );
    expect(job.status).toBe('succeeded');
    expect(job.files.map((f: { path: string; status: string }) => `${f.path}:${f.status}`).sort()).toEqual([
      'config.json:stored',
      'extra.txt:stored',
      'model.safetensors:skipped',
    ]);
    expect(hub.downloads.slice(downloadsBefore).sort()).toEqual(['config.json', 'extra.txt']);
    const blobs = await api.sql<{ n: number }>('SELECT count(*)::int AS n FROM blobs WHERE sha256 = $1', [
      sha256(BERT['model.safetensors']!),
    ]);
    expect(blobs[0]!.n).toBe(1);
  });

  it('retries a connection dropped mid-file and succeeds', async () => {
    hub.repos.set('org/flaky', { sha: commit('flaky'), files: { 'model.bin': randomBytes(300_000) }, dropPath: 'model.bin', drops: 1 });
    const job = await finished(await startImport({ repo: 'org/flaky' }));
    expect(job.status).toBe('succeeded');
    expect(hub.downloads.filter((p) => p === 'model.bin')).toHaveLength(2);
  });

  it.each([
    [
      'an LFS file whose bytes do not match the Hub’s sha256',
      'org/corrupt',
      {},
      /model\.safetensors: its sha256 is [0-9a-f]{64}, the Hub lists/,
    ],
    ['a repository that does not exist', 'org/nothing', {}, /org\/nothing does not exist on the Hub/],
    ['a revision that does not exist', 'google-bert/bert-tiny', { revision: 'v99' }, /has no revision v99/],
    ['a gated repository without a token', 'org/gated', {}, /is gated: set HF_TOKEN/],
    ['a repository with no files', 'org/empty', {}, /has no files to import/],
  ])('fails cleanly on %s, leaving no version behind', async (_case, repo, extra, message) => {
    hub.repos.set('org/corrupt', {
      sha: commit('corrupt'),
      files: { 'model.safetensors': randomBytes(5000) },
      corruptPath: 'model.safetensors',
    });
    hub.repos.set('org/gated', { sha: commit('gated'), files: { 'a.txt': Buffer.from('a') }, gatedToken: 'hf_secret' });
    hub.repos.set('org/empty', { sha: commit('empty'), files: {} });
    const job = await finished(await startImport({ repo, ...extra }));
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(message);
    const [ns, name] = repo.split('/');
    const versions = await api.sql(
      `SELECT v.label, v.status FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.namespace = $1 AND m.name = $2 AND v.status = 'draft'`,
      [ns, name],
    );
    expect(versions).toEqual([]);
  });

  it('can be cancelled while it runs: it stops and removes its draft', async () => {
    hub.repos.set('org/slow', { sha: commit('slow'), files: { 'slow.bin': randomBytes(2 * 1024 * 1024) }, slowMs: 40 });
    const id = await startImport({ repo: 'org/slow' });
    await expect
      .poll(async () => (await api.request('GET', `/v1/imports/${id}`, { key: publisher })).body.bytesDone, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const versionLabel = commit('slow');
    const submit = await api.request('POST', `/v1/models/org/slow/versions/${versionLabel}/submit`, { key: publisher });
    expect([submit.status, submit.body.code]).toEqual([409, 'import_in_progress']);
    const upload = await api.request('PUT', `/v1/models/org/slow/versions/${versionLabel}/files/extra.bin`, {
      key: publisher,
      rawBody: 'x',
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(upload.body.code).toBe('import_in_progress');
    const cancelled = await api.request('POST', `/v1/imports/${id}/cancel`, { key: publisher });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await api.request('POST', `/v1/imports/${id}/cancel`, { key: publisher })).body.code).toBe('import_finished');
    await expect
      .poll(() => api.sql(`SELECT 1 FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.name = 'slow'`), { timeout: 10_000 })
      .toEqual([]);
    expect((await finished(id)).status).toBe('cancelled');
  });

  it('resumes after a worker died mid-import without fetching stored files again', async () => {
    hub.repos.set('org/resume', { sha: commit('resume'), files: { 'a.bin': randomBytes(3000), 'b.bin': randomBytes(3000) } });
    const id = await startImport({ repo: 'org/resume' });
    expect((await finished(id)).status).toBe('succeeded');
    // The state a killed worker leaves: the job running, its draft holding only some of the files.
    await api.sql(`UPDATE model_versions SET status = 'draft' WHERE label = $1`, [commit('resume')]);
    await api.sql(`DELETE FROM model_files WHERE path = 'b.bin' AND version_id = (SELECT version_id FROM import_jobs WHERE id = $1)`, [id]);
    await api.sql(`UPDATE import_jobs SET status = 'running', finished_at = NULL WHERE id = $1`, [id]);
    const downloadsBefore = hub.downloads.length;
    await worker.get(Importer).run(id);
    const job = (await api.request('GET', `/v1/imports/${id}`, { key: publisher })).body;
    expect(job.status).toBe('succeeded');
    expect(hub.downloads.slice(downloadsBefore)).toEqual([]);
    const files = await api.request('GET', `/v1/models/org/resume/versions/${commit('resume')}/files`, { key: publisher });
    expect(files.body.items.map((f: { path: string }) => f.path)).toEqual(['a.bin', 'b.bin']);
  });

  it('validates the request', async () => {
    const reply = await api.request('POST', '/v1/imports', { key: publisher, body: { repo: 'no-slash', revision: '../x' } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['repo', 'revision']);
    expect((await api.request('GET', '/v1/imports/0b7a6c1e-8e8b-4c43-9d4e-0a6f4c9d2e11', { key: publisher })).status).toBe(404);
    const viewer = await api.keyFor('viewer');
    expect((await api.request('POST', '/v1/imports', { key: viewer, body: { repo: 'a/b' } })).status).toBe(403);
  });
});

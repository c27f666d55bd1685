import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlpModel } from '../../../test/onnx-model.js';
import { ApiHarness } from './api-harness.js';

let api: ApiHarness;
let publisher: string;
let reviewer: string;
let viewer: string;

const base = '/v1/models/ev/detector';
const octets = { 'content-type': 'application/octet-stream' };

async function publish(version: string, files: Record<string, Buffer>): Promise<string> {
  expect((await api.request('POST', `${base}/versions`, { key: publisher, body: { version } })).status).toBe(201);
  for (const [path, bytes] of Object.entries(files)) {
    expect(
      (await api.request('PUT', `${base}/versions/${version}/files/${path}`, { key: publisher, rawBody: bytes, headers: octets })).status,
    ).toBe(201);
  }
  expect((await api.request('POST', `${base}/versions/${version}/submit`, { key: publisher })).status).toBe(201);
  await api.scan('ev', 'detector', version);
  const [row] = await api.sql<{ id: string }>(
    `SELECT v.id FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.name = 'detector' AND v.label = $1`,
    [version],
  );
  return row!.id;
}

/**
 * A finished benchmark run as the worker stores it (these API tests run no worker; the worker's own
 * tests run real ones): same hardware, provider and settings, so two versions compare.
 */
async function finishedRun(versionId: string, run: { status: 'succeeded' | 'failed'; p50Ms?: number; error?: string }): Promise<string> {
  const result = {
    settings: { batchSize: 1, dims: { batch: 1 } },
    reference: run.status === 'succeeded' ? { passed: true, maxAbsError: 1e-6 } : undefined,
    findings: run.status === 'succeeded' ? [] : [{ severity: 'critical', code: 'non_finite_output', message: 'output y has NaN' }],
  };
  const [row] = await api.sql<{ id: string }>(
    `INSERT INTO benchmark_runs (version_id, file, status, requested_by, settings, result, error, p50_ms, execution_provider, hardware, finished_at)
     VALUES ($1, 'model.onnx', $2, 'auto', '{"executionProvider":"cpu"}', $3, $4, $5, 'cpu', 'test-cpu', now()) RETURNING id`,
    [versionId, run.status, JSON.stringify(result), run.error ?? null, run.p50Ms ?? null],
  );
  return row!.id;
}

beforeAll(async () => {
  api = await ApiHarness.start();
  publisher = await api.keyFor('publisher', 'Pia Publisher');
  reviewer = await api.keyFor('reviewer', 'Rui Reviewer');
  viewer = await api.keyFor('viewer', 'Vic Viewer');
  expect(
    (await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'ev', name: 'detector', license: 'mit' } })).status,
  ).toBe(201);
});
afterAll(() => api?.close());

describe('review evidence', () => {
  let first: string;
  let second: string;

  it('lists every benchmark run, failed ones with their error, and a diff against the previous approved version', async () => {
    first = await publish('1', { 'model.onnx': mlpModel(4, 1), 'notes.txt': Buffer.from('first') });
    await finishedRun(first, { status: 'succeeded', p50Ms: 2 });
    const approved = await api.request('POST', `${base}/versions/1/reviews`, {
      key: reviewer,
      body: { decision: 'approve', comment: 'ok' },
    });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ reviewerName: 'Rui Reviewer', reviewerRole: 'reviewer' });
    expect(approved.body.evidence.diff).toBeNull();

    second = await publish('2', { 'model.onnx': mlpModel(8, 2), 'labels.txt': Buffer.from('cat\ndog\n') });
    const succeeded = await finishedRun(second, { status: 'succeeded', p50Ms: 1 });
    const failed = await finishedRun(second, { status: 'failed', error: 'runner: output y has NaN' });

    const queue = await api.request('GET', '/v1/reviews/queue', { key: reviewer });
    const item = queue.body.items.find((i: { version: string }) => i.version === '2');
    expect(item.publishedByName).toBe('Pia Publisher');
    const evidence = item.evidence;
    expect(evidence.benchmarks).toEqual([succeeded]);
    expect(evidence.benchmarkRuns).toEqual([
      expect.objectContaining({ id: succeeded, status: 'succeeded', p50Ms: 1, reference: { passed: true, maxAbsError: 1e-6 } }),
      expect.objectContaining({
        id: failed,
        status: 'failed',
        error: 'runner: output y has NaN',
        findings: [expect.objectContaining({ code: 'non_finite_output' })],
      }),
    ]);
    expect(evidence.contributors).toEqual([
      expect.objectContaining({ name: 'Pia Publisher', role: 'publisher', actions: ['created', 'uploaded', 'submitted'] }),
    ]);
    expect(evidence.findings).toEqual({ critical: [], warning: expect.any(Array), info: expect.any(Array) });

    const diff = evidence.diff;
    expect(diff.base).toBe('1');
    expect(diff.files.added).toEqual([expect.objectContaining({ path: 'labels.txt', size: 8 })]);
    expect(diff.files.removed).toEqual([expect.objectContaining({ path: 'notes.txt', size: 5 })]);
    expect(diff.files.changed).toEqual([
      expect.objectContaining({ path: 'model.onnx', before: expect.objectContaining({ sha256: expect.any(String) }) }),
    ]);
    expect(diff.files.changed[0].before.sha256).not.toBe(diff.files.changed[0].after.sha256);
    // 4×4+4 parameters in one layer before, 2×(8×8+8) after: the reviewer sees the count change.
    expect(diff.facts).toContainEqual({ fact: 'parameters', before: 20, after: 144 });
    expect(diff.license).toBeNull();
    expect(diff.benchmarks).toEqual([
      expect.objectContaining({
        file: 'model.onnx',
        executionProvider: 'cpu',
        hardware: 'test-cpu',
        baseP50Ms: 2,
        headP50Ms: 1,
        speedup: 2,
      }),
    ]);
  });

  it('stores the evidence with the decision, and shows the reject comment on the version and in its history', async () => {
    const rejected = await api.request('POST', `${base}/versions/2/reviews`, {
      key: reviewer,
      body: { decision: 'reject', comment: 'The smoke test produced NaN' },
    });
    expect(rejected.status).toBe(201);
    expect(rejected.body.evidence.diff.base).toBe('1');
    const version = await api.request('GET', `${base}/versions/2`, { key: publisher });
    expect(version.body).toMatchObject({
      status: 'rejected',
      statusReason: 'The smoke test produced NaN',
      statusChangedByName: 'Rui Reviewer',
      createdByName: 'Pia Publisher',
      downloadable: false,
    });

    const history = await api.request('GET', `${base}/versions/2/history`, { key: publisher });
    expect(history.status).toBe(200);
    const actions = history.body.items.map((event: { action: string }) => event.action);
    expect(actions.slice(0, 4)).toEqual(['version.created', 'file.uploaded', 'file.uploaded', 'version.submitted']);
    expect(actions).toEqual(expect.arrayContaining(['version.scanned', 'benchmark.succeeded', 'benchmark.failed', 'version.rejected']));
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'version.rejected',
      actorName: 'Rui Reviewer',
      actorRole: 'reviewer',
      comment: 'The smoke test produced NaN',
    });
    expect(history.body.items.find((event: { action: string }) => event.action === 'file.uploaded')).toMatchObject({
      path: 'model.onnx',
      actorName: 'Pia Publisher',
    });
    // Viewers never see versions that were not approved, nor their history.
    expect((await api.request('GET', `${base}/versions/2/history`, { key: viewer })).status).toBe(404);
  });

  it('keeps a revoked version visible to viewers, marked with the reason, without downloads anywhere', async () => {
    const revoked = await api.request('POST', `${base}/versions/1/revoke`, { key: reviewer, body: { reason: 'License was misread' } });
    expect(revoked.status).toBe(200);
    const listed = await api.request('GET', `${base}/versions`, { key: viewer });
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        version: '1',
        status: 'revoked',
        statusReason: 'License was misread',
        statusChangedByName: 'Rui Reviewer',
        downloadable: false,
        statusChangedAt: expect.any(String),
      }),
    ]);
    expect((await api.request('GET', `${base}/versions/1`, { key: viewer })).body.status).toBe('revoked');
    expect((await api.request('GET', base, { key: viewer })).status).toBe(200);
    const download = await api.request('GET', `${base}/versions/1/files/model.onnx`, { key: viewer });
    expect(download.status).toBe(403);
    expect(download.body).toMatchObject({ code: 'version_revoked', detail: expect.stringContaining('License was misread') });
    const hf = await api.request('GET', '/hf/ev/detector/resolve/1/model.onnx', { key: viewer });
    expect(hf.status).toBe(404);
    const history = await api.request('GET', `${base}/versions/1/history`, { key: viewer });
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'version.revoked',
      comment: 'License was misread',
      actorName: 'Rui Reviewer',
    });
  });

  it('names actors in whoami and the audit trail', async () => {
    expect((await api.request('GET', '/v1/whoami', { key: viewer })).body).toMatchObject({ name: 'Vic Viewer', role: 'viewer' });
    const [run] = await api.sql<{ id: string }>(`SELECT id FROM benchmark_runs LIMIT 1`);
    expect((await api.request('GET', `/v1/benchmarks/${run!.id}`, { key: publisher })).body.requestedByName).toBe('automatic');
    const audit = await api.request('GET', '/v1/audit?action=version.revoked', { key: await api.keyFor('admin', 'Ada Admin') });
    expect(audit.body.items[0]).toMatchObject({ actorName: 'Rui Reviewer', actorRole: 'reviewer' });
  });
});

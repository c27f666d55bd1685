import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness } from '../../api/test/api-harness.js';
import { buildOnnxModel, constantDetectorModel, imageDetectorModel, mlpModel, tensorProtoBytes } from '../../../test/onnx-model.js';
import { BenchmarkRecovery } from '../src/benchmarks/benchmark-recovery.js';
import { createWorker } from '../src/worker.js';

let api: ApiHarness;
let worker: INestApplicationContext;
let publisher: string;
let viewer: string;

beforeAll(async () => {
  api = await ApiHarness.start();
  worker = await createWorker({
    ...api.config,
    logLevel: 'error',
    benchmarks: { ...api.config.benchmarks, auto: true, executionProvider: 'auto', timeoutSeconds: 120 },
  });
  publisher = await api.keyFor('publisher');
  viewer = await api.keyFor('viewer');
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

/** Uploads the files as a new version and submits it: the worker scans it, then benchmarks its ONNX file. */
const submit = (name: string, files: Record<string, Buffer>): Promise<string> =>
  api.submitVersion(publisher, { namespace: 'bench', name, version: '1' }, files);
const settled = (id: string) => api.settledRun(publisher, id);

// Generous ceilings: CI machines are sometimes loaded many times over (a passing run takes seconds).
describe('scan and benchmark jobs', { timeout: 600_000 }, () => {
  it('scans a submitted version, then benchmarks its main ONNX file on the worker and records the result', async () => {
    const base = await submit('mlp', {
      'model.onnx': mlpModel(64, 2),
      'config.json': Buffer.from('{"architectures":["Mlp"],"model_type":"mlp"}'),
    });
    await expect
      .poll(async () => (await api.request('GET', `${base}/scan`, { key: publisher })).body.status, { timeout: 120_000 })
      .toBe('clean');
    const version = (await api.request('GET', base, { key: publisher })).body;
    expect(version).toMatchObject({
      parameters: 2 * (64 * 64 + 64),
      facts: { architecture: 'Mlp', benchmarkFiles: ['model.onnx'], formats: ['onnx'] },
    });

    await expect
      .poll(async () => (await api.request('GET', `${base}/benchmarks`, { key: publisher })).body.items.length, { timeout: 120_000 })
      .toBe(1);
    const [auto] = (await api.request('GET', `${base}/benchmarks`, { key: publisher })).body.items;
    const run = await settled(auto.id);
    expect(run).toMatchObject({
      status: 'succeeded',
      file: 'model.onnx',
      requestedBy: 'auto',
      executionProvider: { requested: 'auto', actual: 'cpu' },
      hardware: { cpu: { cores: expect.any(Number) } },
      error: null,
    });
    expect(run.executionProvider.fallbackReason).toEqual(expect.any(String));
    const published = await api.sql<{ payload: { runId: string; status: string; p50Ms: number } }>(
      `SELECT payload FROM domain_events WHERE type = 'version.benchmarked' AND payload->>'runId' = $1`,
      [auto.id],
    );
    expect(published).toEqual([
      { payload: expect.objectContaining({ status: 'succeeded', p50Ms: run.metrics.p50Ms, file: 'model.onnx' }) },
    ]);
    expect(run.metrics.p50Ms).toBeGreaterThan(0);
    expect(run.metrics.p99Ms).toBeGreaterThanOrEqual(run.metrics.p50Ms);
    expect(run.outputs).toEqual([expect.objectContaining({ name: 'y', shape: [1, 64], nonFinite: 0 })]);

    // On demand, with settings; the catalog then shows the best latency.
    const asked = await api.request('POST', `${base}/benchmarks`, { key: publisher, body: { batchSize: 8, iterations: 5, warmup: 1 } });
    expect(asked.status).toBe(202);
    const custom = await settled(asked.body.id);
    expect(custom.settings.resolved).toMatchObject({ batchSize: 8, iterations: 5, warmup: 1 });
    expect(custom.outputs[0].shape).toEqual([8, 64]);
    const summary = (await api.request('GET', `${base}/benchmarks/summary`, { key: publisher })).body;
    expect(summary.best).toHaveLength(1);
    expect(summary.best[0]).toMatchObject({ executionProvider: 'cpu', p50Ms: Math.min(run.metrics.p50Ms, custom.metrics.p50Ms) });
    const [row] = (await api.request('GET', '/v1/models?q=mlp', { key: publisher })).body.items;
    expect(row).toMatchObject({ formats: ['onnx'], bestLatencyMs: summary.best[0].p50Ms, parameters: 2 * (64 * 64 + 64) });

    const evidence = (await api.request('GET', '/v1/reviews/queue', { key: await api.keyFor('reviewer') })).body.items.find(
      (item: { model: string }) => item.model === 'bench/mlp',
    ).evidence;
    expect(evidence.benchmarks).toEqual(expect.arrayContaining([auto.id, asked.body.id]));
    expect((await api.request('GET', `/v1/benchmarks/${auto.id}`, { key: viewer })).status).toBe(404); // not approved yet
  });

  it('checks the outputs against the reference tensors a version ships next to its model', async () => {
    // y = relu(x · I + 0): for x = [1, -2, 3, -4] the answer is [1, 0, 3, 0], worked out here, not by the runtime.
    const identity = new Float32Array(16).map((_, i) => (i % 5 === 0 ? 1 : 0));
    const model = buildOnnxModel({
      inputs: [{ name: 'x', type: 'float', shape: [1, 4] }],
      outputs: [{ name: 'y', type: 'float', shape: [1, 4] }],
      nodes: [
        { op: 'MatMul', inputs: ['x', 'w'], outputs: ['m'] },
        { op: 'Add', inputs: ['m', 'b'], outputs: ['a'] },
        { op: 'Relu', inputs: ['a'], outputs: ['y'] },
      ],
      initializers: [
        { name: 'w', dims: [4, 4], values: identity },
        { name: 'b', dims: [4], values: new Float32Array(4) },
      ],
    });
    const input = tensorProtoBytes({ name: 'x', dims: [1, 4], type: 'float', values: [1, -2, 3, -4] });
    const right = tensorProtoBytes({ name: 'y', dims: [1, 4], type: 'float', values: [1, 0, 3, 0] });
    const wrong = tensorProtoBytes({ name: 'y', dims: [1, 4], type: 'float', values: [1, 0, 3, 1] });
    for (const [name, output, passed] of [
      ['reference-ok', right, true],
      ['reference-off', wrong, false],
    ] as const) {
      const base = await submit(name, { 'model.onnx': model, 'test_data_set_0/input_0.pb': input, 'test_data_set_0/output_0.pb': output });
      await expect
        .poll(async () => (await api.request('GET', `${base}/benchmarks`, { key: publisher })).body.items.length, { timeout: 120_000 })
        .toBe(1);
      const run = await settled((await api.request('GET', `${base}/benchmarks`, { key: publisher })).body.items[0].id);
      // Wrong outputs fail the smoke test: the metrics stay visible, but the run is no latency to advertise.
      expect(run.status).toBe(passed ? 'succeeded' : 'failed');
      expect(run.reference).toEqual({ passed, maxAbsError: passed ? 0 : 1 });
      expect(run.metrics.p50Ms).toBeGreaterThan(0);
      expect(run.findings.some((f: { code: string; severity: string }) => f.severity === 'critical')).toBe(!passed);
      if (!passed) expect(run.error).toMatch(/^reference_mismatch: /);
    }
  });

  it('shows what an image model was measured on: the sides its preprocessor_config.json gives, the request’s, or defaults it names', async () => {
    const runs = async (base: string) => (await api.request('GET', `${base}/benchmarks`, { key: publisher })).body.items;
    // PP-OCR's text detector takes x [?, 3, ?, ?]: nothing in the graph says the image size.
    const bare = await submit('detector', { 'model.onnx': imageDetectorModel() });
    await expect.poll(async () => (await runs(bare)).length, { timeout: 120_000 }).toBe(1);
    const guessed = await settled((await runs(bare))[0].id);
    expect(guessed.status).toBe('succeeded');
    expect(guessed.inputs).toEqual([
      { name: 'x', dtype: 'float32', shape: [1, 3, 224, 224], fill: 'random', source: ['default', 'graph', 'default', 'default'] },
    ]);
    expect(guessed.findings).toEqual([
      expect.objectContaining({ severity: 'info', code: 'dims_defaulted', evidence: { inputs: 'x', dims: 'x.2=224, x.3=224' } }),
    ]);
    const [stored] = await api.sql<{ result: { settings: { inputs: unknown }; findings: unknown } }>(
      'SELECT result FROM benchmark_runs WHERE id = $1',
      [guessed.id],
    );
    expect(stored!.result.settings.inputs).toEqual(guessed.inputs);
    expect(stored!.result.findings).toEqual(guessed.findings);

    const asked = await api.request('POST', `${bare}/benchmarks`, {
      key: publisher,
      body: { iterations: 2, dims: { 'x.2': 96, width: 160 } },
    });
    expect(asked.status).toBe(202);
    const requested = await settled(asked.body.id);
    expect(requested.inputs[0]).toMatchObject({ shape: [1, 3, 96, 160], source: ['default', 'graph', 'request', 'request'] });
    expect(requested.outputs[0].shape).toEqual([1, 1, 96, 160]);
    expect(requested.findings).toEqual([]);

    const sized = await submit('sized-detector', {
      'model.onnx': imageDetectorModel(),
      'preprocessor_config.json': Buffer.from(JSON.stringify({ size: { height: 640, width: 640 } })),
    });
    await expect.poll(async () => (await runs(sized)).length, { timeout: 120_000 }).toBe(1);
    const configured = await settled((await runs(sized))[0].id);
    expect(configured.inputs[0]).toMatchObject({
      shape: [1, 3, 640, 640],
      source: ['default', 'graph', 'preprocessor_config', 'preprocessor_config'],
    });
    expect(configured.outputs[0].shape).toEqual([1, 1, 640, 640]);
    expect(configured.findings).toEqual([]);
  }, 600_000); // two scans and three runs, on a machine other tests share

  it('gives a reviewer true evidence for a PP-OCR-like detector: weights in Constant nodes counted, the image size it ran on named', async () => {
    const base = await submit('ppocr-det', { 'model.onnx': constantDetectorModel() });
    await expect
      .poll(async () => (await api.request('GET', `${base}/benchmarks`, { key: publisher })).body.items.length, { timeout: 120_000 })
      .toBe(1);
    const run = await settled((await api.request('GET', `${base}/benchmarks`, { key: publisher })).body.items[0].id);
    expect(run.status).toBe('succeeded');
    expect(run.inputs).toEqual([expect.objectContaining({ name: 'x', dtype: 'float32', shape: [1, 3, 224, 224] })]);
    expect(run.outputs[0].shape).toEqual([1, 1, 224, 224]);
    expect(run.findings).toContainEqual(expect.objectContaining({ code: 'dims_defaulted' }));

    const version = (await api.request('GET', base, { key: publisher })).body;
    expect(version.parameters).toBe(116);
    expect(version.facts.hardwareFit).toBeDefined();
    const evidence = (await api.request('GET', '/v1/reviews/queue', { key: await api.keyFor('reviewer') })).body.items.find(
      (item: { model: string }) => item.model === 'bench/ppocr-det',
    ).evidence;
    expect(evidence.benchmarkRuns).toEqual([
      expect.objectContaining({
        status: 'succeeded',
        inputs: [expect.objectContaining({ shape: [1, 3, 224, 224] })],
        findings: expect.arrayContaining([expect.objectContaining({ code: 'dims_defaulted' })]),
      }),
    ]);
  });

  it('records a model the runtime rejects as a failed run, without retrying it, and keeps working', async () => {
    const unknownOp = buildOnnxModel({
      inputs: [{ name: 'x', type: 'float', shape: [1, 4] }],
      outputs: [{ name: 'y', type: 'float', shape: [1, 4] }],
      nodes: [{ op: 'NoSuchOperator', inputs: ['x'], outputs: ['y'] }],
    });
    const base = await submit('broken', { 'model.onnx': unknownOp });
    await expect
      .poll(async () => (await api.request('GET', `${base}/benchmarks`, { key: publisher })).body.items.length, { timeout: 120_000 })
      .toBe(1);
    const [auto] = (await api.request('GET', `${base}/benchmarks`, { key: publisher })).body.items;
    const run = await settled(auto.id);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/^model_error: /);
    // The job ends right after the result is written: wait for that, then check it was never retried.
    const job = () =>
      api.sql<{ retry_count: number; state: string }>(
        `SELECT retry_count, state FROM pgboss.job WHERE name = 'benchmark.run' AND data->>'runId' = $1`,
        [auto.id],
      );
    await expect.poll(job, { timeout: 10_000 }).toEqual([{ retry_count: 0, state: 'completed' }]);
  });

  it('cancels a running benchmark: the child is stopped and the run stays cancelled', async () => {
    const base =
      (await api.request('GET', '/v1/models/bench/mlp', { key: publisher })).status === 200 ? '/v1/models/bench/mlp/versions/1' : '';
    const asked = await api.request('POST', `${base}/benchmarks`, {
      key: publisher,
      body: { batchSize: 512, iterations: 1000, warmup: 0 },
    });
    expect(asked.status).toBe(202);
    await expect
      .poll(async () => (await api.request('GET', `/v1/benchmarks/${asked.body.id}`, { key: publisher })).body.status, { timeout: 120_000 })
      .toBe('running');
    const cancelled = await api.request('POST', `/v1/benchmarks/${asked.body.id}/cancel`, { key: publisher });
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
    const published = await api.sql<{ actor_name: string; payload: { status: string } }>(
      `SELECT actor_name, payload FROM domain_events WHERE type = 'version.benchmarked' AND payload->>'runId' = $1`,
      [asked.body.id],
    );
    expect(published).toEqual([{ actor_name: expect.any(String), payload: expect.objectContaining({ status: 'cancelled' }) }]);
    expect((await api.request('POST', `/v1/benchmarks/${asked.body.id}/cancel`, { key: publisher })).body.code).toBe('benchmark_finished');
    // The worker is free again: a new run finishes while the cancelled one stays cancelled.
    const next = await api.request('POST', `${base}/benchmarks`, { key: publisher, body: { iterations: 3 } });
    expect((await settled(next.body.id)).status).toBe('succeeded');
    expect((await api.request('GET', `/v1/benchmarks/${asked.body.id}`, { key: publisher })).body).toMatchObject({
      status: 'cancelled',
      metrics: null,
    });
  });

  it('runs again a benchmark whose worker died mid-run (stale heartbeat), instead of leaving it running', async () => {
    const [version] = await api.sql<{ id: string }>(
      `SELECT v.id FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.name = 'mlp' AND v.label = '1'`,
    );
    const [orphan] = await api.sql<{ id: string }>(
      `INSERT INTO benchmark_runs (version_id, file, status, requested_by, settings, attempts, started_at, heartbeat_at)
       VALUES ($1, 'model.onnx', 'running', 'test', '{"iterations": 2}', 1, now() - interval '10 minutes', now() - interval '10 minutes')
       RETURNING id`,
      [version!.id],
    );
    // Every worker sweeps; only one of them may queue the run again.
    await Promise.all([worker.get(BenchmarkRecovery).sweep(), worker.get(BenchmarkRecovery).sweep()]);
    const run = await settled(orphan!.id);
    const jobs = await api.sql(`SELECT id FROM pgboss.job WHERE name = 'benchmark.run' AND data->>'runId' = $1`, [orphan!.id]);
    expect(jobs).toHaveLength(1);
    expect(run.status).toBe('succeeded');
    const [row] = await api.sql<{ attempts: number }>(`SELECT attempts FROM benchmark_runs WHERE id = $1`, [orphan!.id]);
    expect(row!.attempts).toBe(2);
  });
});

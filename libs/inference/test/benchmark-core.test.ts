import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BenchmarkResult,
  probeExecutionProvider,
  readImageSize,
  runBenchmarkInProcess,
  type SucceededBenchmark,
  writeNpyFile,
} from '@vetted/inference';
import { imageDetectorModel, mlpModel, tensorProtoBytes } from '../../../test/onnx-model.js';
import {
  convNet,
  knownMlp,
  logModel,
  reshapeModel,
  sampleRateModel,
  tempDir,
  tinyTextEncoder,
  unknownOpModel,
  writeModel,
} from './test-models.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const quick = { executionProvider: 'cpu', warmup: 1, iterations: 3 } as const;

function succeeded(result: BenchmarkResult): SucceededBenchmark {
  if (result.status !== 'succeeded') throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`);
  return result;
}

describe('runBenchmarkInProcess', () => {
  it('times an MLP and reports settings, metrics, outputs and the hardware', async () => {
    const model = await writeModel(dir, 'mlp.onnx', mlpModel(16, 2));
    const result = succeeded(await runBenchmarkInProcess(model, { executionProvider: 'cpu', batchSize: 8, warmup: 2, iterations: 10 }));
    expect(result.executionProvider).toEqual({ requested: 'cpu', actual: 'cpu' });
    expect(result.settings).toEqual({
      batchSize: 8,
      dims: { batch: 8 },
      warmup: 2,
      iterations: 10,
      seed: 1,
      inputs: [{ name: 'x', dtype: 'float32', shape: [8, 16], fill: 'random', source: ['request', 'graph'] }],
    });
    const m = result.metrics;
    expect(m.runs).toBe(10);
    expect(m.loadMs).toBeGreaterThan(0);
    expect(m.firstRunMs).toBeGreaterThan(0);
    expect(m.p50Ms).toBeGreaterThan(0);
    expect(m.p50Ms).toBeLessThanOrEqual(m.p90Ms);
    expect(m.p90Ms).toBeLessThanOrEqual(m.p99Ms);
    // Throughput comes from the unrounded mean; meanMs is reported to 0.001 ms, which at sub-millisecond
    // means is worth up to a few per cent.
    const rounding = 0.0005 / m.meanMs;
    expect(Math.abs(m.throughput - (8 * 1000) / m.meanMs) / m.throughput).toBeLessThan(rounding + 0.001);
    expect(m.peakRssMb).toBeGreaterThan(10);
    expect(result.outputs).toEqual([{ name: 'y', dtype: 'float32', shape: [8, 16], nonFinite: 0 }]);
    expect(result.findings).toEqual([]);
    expect(result.hardware.cpu.cores).toBeGreaterThan(0);
    expect(result.hardware.onnxruntimeVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(result.logTail.at(-1)).toMatch(/10 timed runs/);
  });

  it('stops the timed runs at a time budget', async () => {
    const model = await writeModel(dir, 'budget.onnx', mlpModel(8, 1));
    const result = succeeded(await runBenchmarkInProcess(model, { executionProvider: 'cpu', warmup: 0, durationMs: 30 }));
    expect(result.settings.durationMs).toBe(30);
    expect(result.settings.iterations).toBeUndefined();
    expect(result.metrics.runs).toBeGreaterThan(1);
    expect(result.metrics.runs * result.metrics.meanMs).toBeLessThan(200);
  });

  it('resolves symbolic image sides of a conv net, by default and by override', async () => {
    const model = await writeModel(dir, 'conv.onnx', convNet());
    const defaults = succeeded(await runBenchmarkInProcess(model, quick));
    expect(defaults.settings.dims).toEqual({ batch: 1, height: 224, width: 224 });
    expect(defaults.outputs[0]).toEqual({ name: 'logits', dtype: 'float32', shape: [1, 2, 1, 1], nonFinite: 0 });

    const sized = succeeded(await runBenchmarkInProcess(model, { ...quick, batchSize: 2, dims: { height: 32, width: 48 } }));
    expect(sized.settings.inputs).toEqual([
      { name: 'pixel_values', dtype: 'float32', shape: [2, 3, 32, 48], fill: 'random', source: ['request', 'graph', 'request', 'request'] },
    ]);
    expect(sized.outputs[0]?.shape).toEqual([2, 2, 1, 1]);
    expect(sized.findings).toEqual([]);
  });

  it('feeds a text model token ids within the vocabulary of its config.json and a mask of ones', async () => {
    const model = await writeModel(dir, 'text.onnx', tinyTextEncoder(50));
    const configPath = path.join(dir, 'config.json');
    await writeFile(configPath, JSON.stringify({ model_type: 'bert', vocab_size: 50 }));
    // Gather fails on any id ≥ 50, so success means every id was in range (the default range is 100).
    const result = succeeded(await runBenchmarkInProcess(model, { ...quick, configPath, batchSize: 4, dims: { sequence: 32 } }));
    expect(result.settings.inputs).toEqual([
      { name: 'input_ids', dtype: 'int64', shape: [4, 32], fill: 'token_ids', source: ['request', 'request'] },
      { name: 'attention_mask', dtype: 'int64', shape: [4, 32], fill: 'ones', source: ['request', 'request'] },
    ]);
    expect(result.settings.dims).toEqual({ batch_size: 4, sequence_length: 32 });
    expect(result.outputs[0]).toMatchObject({ name: 'pooled', shape: [4], nonFinite: 0 });
    expect(result.findings).toEqual([]);
  });

  it('takes explicit inputs, such as a sample-rate scalar', async () => {
    const model = await writeModel(dir, 'rate.onnx', sampleRateModel());
    const given = succeeded(await runBenchmarkInProcess(model, { ...quick, inputs: { sample_rate: { data: [16_001] } } }));
    expect(given.settings.inputs[1]).toEqual({ name: 'sample_rate', dtype: 'int64', shape: [], fill: 'data', source: [] });
    expect(given.outputs[0]?.nonFinite).toBe(0);

    // Synthesised, the integer scalar is 0: sqrt(0 − 16000) is NaN everywhere.
    const synthesised = succeeded(await runBenchmarkInProcess(model, quick));
    expect(synthesised.settings.inputs[1]).toEqual({ name: 'sample_rate', dtype: 'int64', shape: [], fill: 'zeros', source: [] });
    expect(synthesised.outputs[0]?.nonFinite).toBe(4);
  });

  it('counts NaN and infinite outputs and reports them as a finding', async () => {
    const model = await writeModel(dir, 'log.onnx', logModel());
    const result = succeeded(await runBenchmarkInProcess(model, { ...quick, inputs: { x: { data: [-1, 0, 1, 2] } } }));
    expect(result.outputs).toEqual([{ name: 'y', dtype: 'float32', shape: [4], nonFinite: 2 }]);
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'output_non_finite', evidence: { output: 'y', nonFinite: 2 } }),
    ]);
  });

  it('fails with model_error when the runtime rejects the model at load', async () => {
    const model = await writeModel(dir, 'unknown-op.onnx', unknownOpModel());
    const result = await runBenchmarkInProcess(model, quick);
    expect(result).toMatchObject({ status: 'failed', error: { kind: 'model_error' }, executionProvider: { actual: 'cpu' } });
    expect(result.status === 'failed' && result.error.message).toMatch(/NoSuchOperator/);
    expect(result.status === 'failed' && result.settings).toBeUndefined();
  });

  it('fails with model_error and the runtime message when a run throws', async () => {
    const model = await writeModel(dir, 'reshape.onnx', reshapeModel());
    const result = await runBenchmarkInProcess(model, { ...quick, inputs: { target: { data: [7, 5] } } });
    expect(result).toMatchObject({ status: 'failed', error: { kind: 'model_error' } });
    expect(result.status === 'failed' && result.error.message).toMatch(/running the model failed: .*reshape/i);
    expect(result.status === 'failed' && result.settings?.inputs[1]).toEqual({
      name: 'target',
      dtype: 'int64',
      shape: [2],
      fill: 'data',
      source: ['graph'],
    });
  });

  it.each([
    [{ inputs: { nope: { fill: 'zeros' } } }, /no input named nope/],
    [{ inputs: { x: { data: [1, 2, 3] } } }, /3 values do not fill \[1, 8\]/],
    [{ inputs: { x: { shape: [1, 9] } } }, /does not fit the model's \[batch, 8\]/],
    [{ batchSize: 0 }, /batchSize must be an integer/],
    [{ executionProvider: 'tpu' }, /executionProvider must be one of/],
    [{ configPath: '/nonexistent/config.json' }, /config \/nonexistent\/config.json/],
  ])('fails with invalid_options for %j', async (options, message) => {
    const model = await writeModel(dir, 'small-mlp.onnx', mlpModel(8, 1));
    const result = await runBenchmarkInProcess(model, { ...quick, ...options } as never);
    expect(result).toMatchObject({ status: 'failed', error: { kind: 'invalid_options' } });
    expect(result.status === 'failed' && result.error.message).toMatch(message);
  });

  it.each(['webgpu', 'cuda'] as const)('runs on %s when it can start here, and fails saying why when it cannot', async (provider) => {
    const model = await writeModel(dir, `${provider}.onnx`, mlpModel(8, 1));
    const probe = await probeExecutionProvider(provider);
    const result = await runBenchmarkInProcess(model, { ...quick, executionProvider: provider });
    if (probe.available) {
      expect(result).toMatchObject({ status: 'succeeded', executionProvider: { requested: provider, actual: provider } });
    } else {
      expect(probe.reason).toBeTruthy();
      expect(result).toMatchObject({
        status: 'failed',
        error: { kind: 'provider_unavailable' },
        executionProvider: { requested: provider, actual: null },
      });
      expect(result.status === 'failed' && result.error.message).toContain(probe.reason);
    }
  });

  it('falls back from auto to the best provider that starts, with the reasons', async () => {
    const model = await writeModel(dir, 'auto.onnx', mlpModel(8, 1));
    const [cuda, webgpu] = await Promise.all([probeExecutionProvider('cuda'), probeExecutionProvider('webgpu')]);
    const result = succeeded(await runBenchmarkInProcess(model, { ...quick, executionProvider: 'auto' }));
    const expected = cuda.available ? 'cuda' : webgpu.available ? 'webgpu' : 'cpu';
    expect(result.executionProvider.actual).toBe(expected);
    if (!cuda.available) expect(result.executionProvider.fallbackReason).toContain(`cuda: ${cuda.reason}`);
    if (expected === 'cpu') expect(result.executionProvider.fallbackReason).toContain(`webgpu: ${webgpu.reason}`);
  });
});

describe('image inputs with symbolic sides (a text detector, x: [?, 3, ?, ?])', () => {
  const writeConfig = async (name: string, config: unknown): Promise<string> => {
    const file = path.join(dir, name);
    await writeFile(file, JSON.stringify(config));
    return file;
  };

  it('runs on 224 × 224 when nothing says the size, and reports it', async () => {
    const model = await writeModel(dir, 'detector.onnx', imageDetectorModel());
    const result = succeeded(await runBenchmarkInProcess(model, quick));
    expect(result.settings.inputs).toEqual([
      { name: 'x', dtype: 'float32', shape: [1, 3, 224, 224], fill: 'random', source: ['default', 'graph', 'default', 'default'] },
    ]);
    expect(result.outputs[0]).toMatchObject({ name: 'y', shape: [1, 1, 224, 224] });
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: 'info', code: 'dims_defaulted', evidence: { inputs: 'x', dims: 'x.2=224, x.3=224' } }),
    ]);
  });

  it("runs on the size of the version's preprocessor_config.json", async () => {
    const model = await writeModel(dir, 'detector.onnx', imageDetectorModel());
    const preprocessorConfigPath = await writeConfig('preprocessor_config.json', { size: { height: 640, width: 640 } });
    const result = succeeded(await runBenchmarkInProcess(model, { ...quick, preprocessorConfigPath }));
    expect(result.settings.inputs[0]).toMatchObject({
      shape: [1, 3, 640, 640],
      source: ['default', 'graph', 'preprocessor_config', 'preprocessor_config'],
    });
    expect(result.outputs[0]?.shape).toEqual([1, 1, 640, 640]);
    expect(result.findings).toEqual([]);
  });

  it('runs on the dims the request gives, by position or by name', async () => {
    const unnamed = await writeModel(dir, 'detector.onnx', imageDetectorModel());
    const byPosition = succeeded(await runBenchmarkInProcess(unnamed, { ...quick, batchSize: 2, dims: { 'x.2': 96, 'x.3': 160 } }));
    expect(byPosition.settings.inputs[0]).toMatchObject({ shape: [2, 3, 96, 160], source: ['request', 'graph', 'request', 'request'] });
    expect(byPosition.settings.dims).toEqual({ 'x.0': 2, 'x.2': 96, 'x.3': 160 });
    expect(byPosition.outputs[0]?.shape).toEqual([2, 1, 96, 160]);
    expect(byPosition.findings).toEqual([]);

    const named = await writeModel(dir, 'named-detector.onnx', imageDetectorModel('batch', 'height', 'width'));
    const byName = succeeded(await runBenchmarkInProcess(named, { ...quick, dims: { height: 640 } }));
    expect(byName.settings.inputs[0]).toMatchObject({ shape: [1, 3, 640, 224], source: ['default', 'graph', 'request', 'default'] });
    expect(byName.findings).toEqual([expect.objectContaining({ code: 'dims_defaulted', evidence: { inputs: 'x', dims: 'width=224' } })]);
  });

  it.each<[string, unknown, { height: number; width: number } | undefined]>([
    ['size {height, width}', { size: { height: 384, width: 512 } }, { height: 384, width: 512 }],
    ['size {shortest_edge}', { size: { shortest_edge: 800, longest_edge: 1333 } }, { height: 800, width: 800 }],
    ['an integer size', { size: 336 }, { height: 336, width: 336 }],
    ['crop_size over size', { size: { shortest_edge: 256 }, crop_size: { height: 224, width: 224 } }, { height: 224, width: 224 }],
    ['size when it does not crop', { do_center_crop: false, size: 288, crop_size: 224 }, { height: 288, width: 288 }],
    ['nothing usable', { size: { height: -1, width: 'wide' }, image_mean: [0.5] }, undefined],
  ])('reads the image size from a preprocessor_config.json with %s', async (_, config, size) => {
    expect(await readImageSize(await writeConfig('sizes.json', config))).toEqual(size);
  });
});

describe('reference check', () => {
  // y = relu(x·W + b), computed here independently of the runtime.
  const width = 4;
  const weights = Float32Array.from({ length: width * width }, (_, i) => ((i * 7) % 11) / 10 - 0.5);
  const bias = Float32Array.from({ length: width }, (_, i) => i / 10 - 0.1);
  const x = Float32Array.from({ length: 2 * width }, (_, i) => Math.sin(i + 1));
  const expected = new Float32Array(2 * width);
  for (let row = 0; row < 2; row += 1) {
    for (let col = 0; col < width; col += 1) {
      let sum = bias[col]!;
      for (let k = 0; k < width; k += 1) sum += x[row * width + k]! * weights[k * width + col]!;
      expected[row * width + col] = Math.max(0, sum);
    }
  }
  let model: string;
  let files: { x: string; y: string; yOff: string };
  beforeAll(async () => {
    model = await writeModel(dir, 'known-mlp.onnx', knownMlp(weights, bias));
    const off = expected.slice();
    off[3] = off[3]! + 0.01;
    files = { x: path.join(dir, 'x.npy'), y: path.join(dir, 'y.npy'), yOff: path.join(dir, 'y-off.npy') };
    await writeNpyFile(files.x, { dtype: 'float32', shape: [2, width], data: x });
    await writeNpyFile(files.y, { dtype: 'float32', shape: [2, width], data: expected });
    await writeNpyFile(files.yOff, { dtype: 'float32', shape: [2, width], data: off });
  });

  it('passes when the outputs match .npy references', async () => {
    const result = succeeded(
      await runBenchmarkInProcess(model, { ...quick, reference: { inputs: { x: files.x }, outputs: { y: files.y } } }),
    );
    expect(result.reference).toMatchObject({ passed: true, atol: 1e-4, rtol: 1e-3 });
    expect(result.reference!.maxAbsError).toBeLessThan(1e-6);
    expect(result.findings).toEqual([]);
  });

  it('fails beyond the tolerance, passes within it, and reports the largest error', async () => {
    const reference = { inputs: { x: files.x }, outputs: { y: files.yOff }, rtol: 0 };
    const strict = succeeded(await runBenchmarkInProcess(model, { ...quick, reference: { ...reference, atol: 1e-4 } }));
    expect(strict.reference).toMatchObject({ passed: false, outputs: [{ name: 'y', passed: false, mismatched: 1 }] });
    expect(strict.reference!.maxAbsError).toBeCloseTo(0.01, 5);
    expect(strict.findings).toEqual([expect.objectContaining({ severity: 'critical', code: 'reference_mismatch' })]);

    const loose = succeeded(await runBenchmarkInProcess(model, { ...quick, reference: { ...reference, atol: 0.02 } }));
    expect(loose.reference).toMatchObject({ passed: true });
    expect(loose.reference!.maxAbsError).toBeCloseTo(0.01, 5);
  });

  it('reads an ONNX test-data folder of TensorProto .pb files', async () => {
    const data = path.join(dir, 'test_data_set_0');
    await mkdir(data);
    await writeFile(path.join(data, 'input_0.pb'), tensorProtoBytes({ dims: [2, width], type: 'float', values: [...x], raw: true }));
    await writeFile(
      path.join(data, 'output_0.pb'),
      tensorProtoBytes({ name: 'y', dims: [2, width], type: 'float', values: [...expected] }),
    );
    const result = succeeded(await runBenchmarkInProcess(model, { ...quick, reference: { dir: data } }));
    expect(result.reference).toMatchObject({ passed: true, outputs: [{ name: 'y', passed: true, mismatched: 0 }] });
  });

  it('fails with invalid_options when a reference input is missing', async () => {
    const result = await runBenchmarkInProcess(model, { ...quick, reference: { outputs: { y: files.y } } });
    expect(result).toMatchObject({ status: 'failed', error: { kind: 'invalid_options', message: 'reference: no tensor for input x' } });
  });
});

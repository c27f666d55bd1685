import { execFile } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBenchmark } from '@vetted/inference';
import { loopModel, mlpModel } from '../../../test/onnx-model.js';
import { allocatingModel, tempDir, writeModel } from './test-models.js';

// Each test here starts a real child process (a few hundred milliseconds each): keep them few.
let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Pids of this process's children, from /proc. */
async function childPids(): Promise<Set<number>> {
  const pids = new Set<number>();
  for (const task of await readdir(`/proc/${process.pid}/task`)) {
    const children = await readFile(`/proc/${process.pid}/task/${task}/children`, 'utf8').catch(() => '');
    for (const pid of children.split(' ').filter(Boolean)) pids.add(Number(pid));
  }
  return pids;
}

describe('runBenchmark (child process)', () => {
  it('returns the child’s result with its log tail', async () => {
    const model = await writeModel(dir, 'mlp.onnx', mlpModel(32, 2));
    const result = await runBenchmark(model, { executionProvider: 'cpu', batchSize: 4, warmup: 1, iterations: 5, timeoutMs: 15_000 });
    expect(result).toMatchObject({
      status: 'succeeded',
      executionProvider: { requested: 'cpu', actual: 'cpu' },
      settings: { batchSize: 4 },
      metrics: { runs: 5 },
      outputs: [{ name: 'y', shape: [4, 32], nonFinite: 0 }],
    });
    expect(result.logTail.join('\n')).toMatch(/loaded .*mlp\.onnx on cpu/);
    expect(result.status === 'succeeded' && result.metrics.peakRssMb).toBeGreaterThan(10);
  });

  it('kills a model that runs past the timeout and reports what it knew', async () => {
    const model = await writeModel(dir, 'endless.onnx', loopModel(1e15));
    const started = Date.now();
    const result = await runBenchmark(model, { executionProvider: 'cpu', timeoutMs: 1500 });
    expect(Date.now() - started).toBeLessThan(6000);
    expect(result).toMatchObject({
      status: 'failed',
      error: { kind: 'timeout' },
      executionProvider: { requested: 'cpu', actual: 'cpu' },
      settings: { inputs: [{ name: 'x', shape: [1] }] },
    });
    expect(result.status === 'failed' && result.loadMs).toBeGreaterThan(0);
    expect(await childPids()).toEqual(new Set());
  });

  it('kills a model whose memory passes the limit', async () => {
    const model = await writeModel(dir, 'allocating.onnx', allocatingModel());
    // 2^27 float32 zeros: 512 MiB against a 300 MiB limit (the idle child holds about 85 MiB).
    const result = await runBenchmark(model, {
      executionProvider: 'cpu',
      inputs: { shape: { data: [2 ** 27] } },
      memoryLimitMb: 300,
      timeoutMs: 15_000,
    });
    expect(result).toMatchObject({ status: 'failed', error: { kind: 'memory_limit' } });
    expect(result.status === 'failed' && result.error.message).toMatch(/over the 300 MiB limit/);
  });

  it('reports a child that dies from a signal as crashed', async () => {
    const model = await writeModel(dir, 'endless-2.onnx', loopModel(1e15));
    const before = await childPids();
    const running = runBenchmark(model, { executionProvider: 'cpu', timeoutMs: 15_000 });
    let child: number | undefined;
    while (child === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      child = [...(await childPids())].find((pid) => !before.has(pid));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    // What a segfault in the native runtime would look like from outside.
    process.kill(child, 'SIGSEGV');
    const result = await running;
    expect(result).toMatchObject({ status: 'failed', error: { kind: 'crashed', signal: 'SIGSEGV' } });
  });

  it('kills the child and rejects with the reason when aborted', async () => {
    const model = await writeModel(dir, 'endless-3.onnx', loopModel(1e15));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('shutting down')), 300);
    await expect(runBenchmark(model, { executionProvider: 'cpu', signal: controller.signal })).rejects.toThrow('shutting down');
    expect(await childPids()).toEqual(new Set());
  });
});

describe('vetted-bench', () => {
  const cli = path.resolve(import.meta.dirname, '../dist/cli.js');

  it('prints the result as JSON', async () => {
    const model = await writeModel(dir, 'cli.onnx', mlpModel(8, 1));
    const { stdout } = await promisify(execFile)(process.execPath, [
      cli,
      model,
      '--ep',
      'cpu',
      '-b',
      '2',
      '-n',
      '4',
      '-w',
      '1',
      '--dim',
      'batch=2',
      '--json',
    ]);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      status: 'succeeded',
      settings: { batchSize: 2, dims: { batch: 2 }, warmup: 1, iterations: 4 },
      metrics: { runs: 4 },
    });
  });

  it('exits with 2 and the usage on bad arguments', async () => {
    const failure = await promisify(execFile)(process.execPath, [cli, 'a.onnx', '--ep', 'tpu']).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('--ep must be one of auto, cpu, webgpu, cuda') });
  });
});

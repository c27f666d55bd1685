import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGgufBenchmark } from '@vetted/inference';
import { tinyLlamaGguf } from '../../../test/gguf-llm.js';
import { tempDir, writeModel } from './test-models.js';

// Each test starts a real child process that loads llama.cpp (about a second each): keep them few.
let dir: string;
let tiny: string;
beforeAll(async () => {
  dir = await tempDir();
  tiny = await writeModel(dir, 'tiny.gguf', tinyLlamaGguf());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const CPU = { backend: 'cpu', threads: 1, timeoutMs: 60_000 } as const;

describe('runGgufBenchmark (child process)', () => {
  it('returns the child’s result with its log tail', async () => {
    const result = await runGgufBenchmark(tiny, { ...CPU, generateTokens: 8 });
    expect(result).toMatchObject({
      status: 'succeeded',
      format: 'gguf',
      executionProvider: { requested: 'cpu', actual: 'cpu' },
      settings: { generateTokens: 8 },
      metrics: { generatedTokens: 8 },
      hardware: { nodeLlamaCppVersion: '3.21.1', llamaCppRelease: expect.any(String) },
    });
    expect(result.logTail.join('\n')).toMatch(/loaded .*tiny\.gguf on cpu/);
  });

  it('fails a model of an architecture llama.cpp does not know, by name', async () => {
    const model = await writeModel(dir, 'unknown-arch.gguf', tinyLlamaGguf({ architecture: 'vetted-nonesuch' }));
    const result = await runGgufBenchmark(model, CPU);
    expect(result).toMatchObject({
      status: 'failed',
      error: { kind: 'model_error', message: expect.stringContaining("unknown model architecture 'vetted-nonesuch'") },
    });
  });

  it('fails a truncated file without loading past its end', async () => {
    const whole = tinyLlamaGguf();
    const model = await writeModel(dir, 'truncated.gguf', whole.subarray(0, whole.length - 4096));
    const result = await runGgufBenchmark(model, CPU);
    expect(result).toMatchObject({
      status: 'failed',
      error: { kind: 'model_error', message: expect.stringMatching(/not within the file bounds/) },
    });
  });

  it('refuses, before loading, a model whose weights are larger than the memory limit', async () => {
    // An 8B Llama's header (its tensors declared, none written): 26 GiB of weights against a 1 GiB limit.
    const eightB = { embedding: 4096, heads: 32, kvHeads: 8, feedForward: 14336, layers: 32, contextLength: 8192 };
    const model = await writeModel(dir, 'eight-b.gguf', tinyLlamaGguf({ headerOnly: true, dimensions: eightB }));
    const result = await runGgufBenchmark(model, { ...CPU, memoryLimitMb: 1024 });
    expect(result).toMatchObject({
      status: 'failed',
      error: {
        kind: 'memory_limit',
        message: expect.stringMatching(/weights take \d+ MiB, more than the 1024 MiB memory limit; it was not loaded/),
      },
    });
  });

  it('never falls back from a backend asked for by name', async () => {
    // Here (CI, no GPU) CUDA cannot start; on a GPU machine it must be what ran.
    const result = await runGgufBenchmark(tiny, { ...CPU, backend: 'cuda', generateTokens: 4 });
    if (result.status === 'succeeded') {
      expect(result.executionProvider).toEqual({ requested: 'cuda', actual: 'cuda' });
    } else {
      expect(result).toMatchObject({
        error: { kind: 'provider_unavailable', message: expect.stringMatching(/^cuda cannot start here: /) },
        executionProvider: { requested: 'cuda', actual: null },
      });
    }
  });
});

describe('vetted-bench model.gguf', () => {
  const cli = path.resolve(import.meta.dirname, '../dist/cli.js');

  it('prints the result as JSON', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      cli,
      tiny,
      '--backend',
      'cpu',
      '--threads',
      '1',
      '--generate-tokens',
      '6',
      '--json',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'succeeded',
      format: 'gguf',
      settings: { generateTokens: 6 },
      metrics: { generatedTokens: 6 },
    });
  });

  it('exits with 2 and the GGUF usage on bad arguments', async () => {
    const failure = await promisify(execFile)(process.execPath, [cli, 'a.gguf', '--backend', 'webgpu']).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('--backend must be one of auto, cpu, vulkan, cuda') });
  });
});

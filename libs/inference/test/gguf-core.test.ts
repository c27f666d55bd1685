import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGgufBenchmarkInProcess, type SucceededGgufBenchmark } from '@vetted/inference';
import { tinyLlamaGguf, tinyLlamaGgufShards } from '../../../test/gguf-llm.js';
import { tempDir, writeModel } from './test-models.js';

// One thread: on a shared 2-core machine llama.cpp's spinning threads otherwise wait on each other.
const CPU = { backend: 'cpu', threads: 1 } as const;

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function succeeded(file: string, options = {}): Promise<SucceededGgufBenchmark> {
  const result = await runGgufBenchmarkInProcess(file, { ...CPU, ...options });
  if (result.status !== 'succeeded') throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result;
}

// Generous ceilings: three loads of a model on a loaded 2-core machine (load 15) took over 20 s.
describe('runGgufBenchmarkInProcess (tiny Llama written by the tests)', { timeout: 180_000 }, () => {
  it('loads it on the CPU, times prompt and generation, scores perplexity and fingerprints the completion', async () => {
    const model = await writeModel(dir, 'tiny.gguf', tinyLlamaGguf());
    const result = await succeeded(model, { promptTokens: 48, generateTokens: 40, contextSize: 512 });
    expect(result).toMatchObject({
      format: 'gguf',
      executionProvider: { requested: 'cpu', actual: 'cpu' },
      settings: { contextSize: 512, promptTokens: 48, generateTokens: 40, seed: 1, threads: 1 },
      model: { architecture: 'llama', name: 'tiny-llama-f32', fileType: 'ALL_F32', trainContextSize: 512, totalLayers: 3 },
      chatTemplate: { present: true, applied: true, wrapper: 'ChatML' },
      findings: [],
    });
    const m = result.metrics;
    expect(m).toMatchObject({ gpuLayers: 0, totalLayers: 3, generatedTokens: 40 });
    for (const value of [m.loadMs, m.promptMs, m.promptTokensPerSecond, m.timeToFirstTokenMs, m.generationTokensPerSecond, m.p50Ms]) {
      expect(value).toBeGreaterThan(0);
    }
    expect(m.vramUsedMb).toBeUndefined();
    expect(m.peakRssMb).toBeGreaterThan(10);
    // Random weights: about as surprised as a uniform guess over the vocabulary (350 tokens), never more than that by far.
    expect(result.perplexity).toMatchObject({ tokens: expect.any(Number), text: 'vetted-perplexity-v1' });
    expect(result.perplexity.value).toBeGreaterThan(50);
    expect(result.perplexity.value).toBeLessThan(5000);
    expect(result.completion.tokens).toBeGreaterThan(0);
    expect(result.completion.tokens).toBeLessThanOrEqual(32);
    expect(result.completion.sha256).toBe(createHash('sha256').update(result.completion.text).digest('hex'));
    expect(JSON.stringify(result.completion.text)).not.toMatch(/\\u0000/);
  });

  it('gives the same fingerprint and perplexity on every run, and the same from a split copy of the weights', async () => {
    const whole = await writeModel(dir, 'same.gguf', tinyLlamaGguf({ seed: 7 }));
    const shards = tinyLlamaGgufShards(3, { seed: 7 });
    for (const [index, shard] of shards.entries()) await writeModel(dir, `same-0000${index + 1}-of-00003.gguf`, shard);
    const first = await succeeded(whole);
    const second = await succeeded(whole);
    // llama.cpp finds parts 2 and 3 from the first part's name.
    const split = await succeeded(`${dir}/same-00001-of-00003.gguf`);
    expect(second.completion).toEqual(first.completion);
    expect(split.completion).toEqual(first.completion);
    expect(second.perplexity).toEqual(first.perplexity);
    expect(split.perplexity).toEqual(first.perplexity);
    // Another seed is another model: the fingerprint tells them apart.
    const other = await succeeded(await writeModel(dir, 'other.gguf', tinyLlamaGguf({ seed: 8 })));
    expect(other.completion.sha256).not.toBe(first.completion.sha256);
  });

  it('measures a Q8_0 copy close to its F32 original, and says which it is', async () => {
    const f32 = await succeeded(await writeModel(dir, 'f32.gguf', tinyLlamaGguf({ seed: 3 })));
    const q8 = await succeeded(await writeModel(dir, 'q8.gguf', tinyLlamaGguf({ seed: 3, weights: 'q8_0' })));
    expect(q8.model.fileType).toBe('MOSTLY_Q8_0');
    expect(q8.model.sizeMb).toBeLessThan(f32.model.sizeMb / 3);
    // 8-bit weights move the perplexity by a fraction of a percent, no more.
    expect(Math.abs(q8.perplexity.value - f32.perplexity.value) / f32.perplexity.value).toBeLessThan(0.01);
    expect(q8.perplexity.value).not.toBe(f32.perplexity.value);
  });

  it('prompts in plain text without a chat template, and falls back to it (with a warning) when the template cannot render', async () => {
    const plain = await succeeded(await writeModel(dir, 'plain.gguf', tinyLlamaGguf({ chatTemplate: null })));
    expect(plain.chatTemplate).toEqual({ present: false });
    // A template reaching for Python internals (CVE-2024-34359) gets nowhere in node-llama-cpp's Jinja interpreter.
    const hostile = "{{ ''.__class__.__mro__[1].__subclasses__() }}{% for message in messages %}{{ message['content'] }}{% endfor %}";
    const broken = await succeeded(await writeModel(dir, 'hostile.gguf', tinyLlamaGguf({ chatTemplate: hostile })));
    expect(broken.chatTemplate).toMatchObject({
      present: true,
      applied: false,
      sha256: createHash('sha256').update(hostile).digest('hex'),
      error: expect.any(String),
    });
    expect(broken.findings).toEqual([expect.objectContaining({ severity: 'warning', code: 'chat_template_unusable' })]);
    expect(broken.completion).toEqual(plain.completion);
  });

  it('refuses settings that do not fit, before timing anything', async () => {
    const model = await writeModel(dir, 'settings.gguf', tinyLlamaGguf());
    const tooLong = await runGgufBenchmarkInProcess(model, { ...CPU, contextSize: 64, promptTokens: 32, generateTokens: 60 });
    expect(tooLong).toMatchObject({
      status: 'failed',
      error: { kind: 'invalid_options', message: expect.stringMatching(/do not fit in contextSize 64/) },
    });
    const negative = await runGgufBenchmarkInProcess(model, { ...CPU, promptTokens: -1 });
    expect(negative).toMatchObject({ status: 'failed', error: { kind: 'invalid_options' }, executionProvider: { actual: null } });
  });
});

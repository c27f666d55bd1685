import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness } from '../../api/test/api-harness.js';
import { tinyLlamaGguf, tinyLlamaGgufShards } from '../../../test/gguf-llm.js';
import { createWorker } from '../src/worker.js';

let api: ApiHarness;
let worker: INestApplicationContext;
let publisher: string;

beforeAll(async () => {
  api = await ApiHarness.start();
  worker = await createWorker({
    ...api.config,
    logLevel: 'error',
    benchmarks: { ...api.config.benchmarks, auto: true, executionProvider: 'auto', timeoutSeconds: 120 },
  });
  publisher = await api.keyFor('publisher');
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

/** Uploads the files as a new version (creating the model first) and submits it: the worker scans, then benchmarks it. */
const submit = (name: string, version: string, files: Record<string, Buffer>): Promise<string> =>
  api.submitVersion(publisher, { namespace: 'llm', name, version }, files);
const settled = (id: string) => api.settledRun(publisher, id);

/** The automatic run the scan queued for the version, once finished. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on arbitrary JSON
async function autoRun(base: string): Promise<Record<string, any>> {
  const runs = async () => (await api.request('GET', `${base}/benchmarks`, { key: publisher })).body.items;
  await expect.poll(async () => (await runs()).length, { timeout: 120_000 }).toBe(1);
  return settled((await runs())[0].id);
}

async function ask(base: string, body: Record<string, unknown>): Promise<string> {
  const asked = await api.request('POST', `${base}/benchmarks`, { key: publisher, body });
  expect(asked.status).toBe(202);
  return asked.body.id as string;
}

// One thread for on-demand runs: llama.cpp's threads spin against each other on a shared 2-core machine.
const SETTINGS = { backend: 'cpu', contextSize: 256, promptTokens: 32, generateTokens: 24, threads: 1 };

describe('GGUF smoke tests on the worker (a tiny Llama written by the tests, llama.cpp on the CPU)', () => {
  it('benchmarks a submitted GGUF model automatically and on demand, with a stable fingerprint and a finite perplexity', async () => {
    const base = await submit('tiny-llama', '1', { 'tiny-llama-f32.gguf': tinyLlamaGguf() });
    const run = await autoRun(base);
    expect(run).toMatchObject({
      status: 'succeeded',
      file: 'tiny-llama-f32.gguf',
      format: 'gguf',
      requestedBy: 'auto',
      executionProvider: { requested: 'auto', actual: 'cpu', fallbackReason: expect.stringMatching(/^cuda cannot start here: .*; vulkan/) },
      hardware: { nodeLlamaCppVersion: '3.21.1', cpu: { cores: expect.any(Number) } },
      metrics: null,
      error: null,
    });
    expect(run.gguf).toMatchObject({
      model: { architecture: 'llama', fileType: 'ALL_F32', totalLayers: 3 },
      metrics: { gpuLayers: 0, generatedTokens: 64 },
      chatTemplate: { present: true, applied: true, wrapper: 'ChatML' },
    });
    expect(run.gguf.metrics.generationTokensPerSecond).toBeGreaterThan(0);
    expect(run.gguf.metrics.promptTokensPerSecond).toBeGreaterThan(0);
    expect(run.gguf.metrics.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(Number.isFinite(run.gguf.perplexity.value)).toBe(true);
    expect(run.gguf.perplexity.value).toBeGreaterThan(1);
    expect(run.gguf.completion.sha256).toMatch(/^[0-9a-f]{64}$/);
    const version = (await api.request('GET', base, { key: publisher })).body;
    expect(version.facts).toMatchObject({ formats: ['gguf'], benchmarkFiles: ['tiny-llama-f32.gguf'] });

    // On demand, with settings, twice: the same model answers the same, token for token.
    const first = await settled(await ask(base, SETTINGS));
    const second = await settled(await ask(base, SETTINGS));
    expect(first.status).toBe('succeeded');
    expect(first.settings).toMatchObject({
      requested: SETTINGS,
      resolved: { contextSize: 256, promptTokens: 32, generateTokens: 24, seed: 1, threads: 1 },
    });
    expect(first.executionProvider).toEqual({ requested: 'cpu', actual: 'cpu', fallbackReason: null });
    expect(first.gguf.metrics.generatedTokens).toBe(24);
    expect(second.gguf.completion).toEqual(first.gguf.completion);
    expect(second.gguf.perplexity).toEqual(first.gguf.perplexity);

    // The summary ranks GGUF runs by time per token and shows tokens/s; the catalog shows the best tokens/s.
    const summary = (await api.request('GET', `${base}/benchmarks/summary`, { key: publisher })).body;
    const speeds = [run, first, second].map((r) => r.gguf.metrics.generationTokensPerSecond);
    expect(summary.best).toEqual([
      expect.objectContaining({
        format: 'gguf',
        executionProvider: 'cpu',
        tokensPerSecond: expect.any(Number),
        file: 'tiny-llama-f32.gguf',
      }),
    ]);
    expect(speeds).toContain(summary.best[0].tokensPerSecond);
    const [row] = (await api.request('GET', '/v1/models?q=tiny-llama', { key: publisher })).body.items;
    expect(row).toMatchObject({ formats: ['gguf'], bestTokensPerSecond: Math.max(...speeds), bestLatencyMs: null });
  }, 600_000);

  it('compares two quantizations of one model: speed, perplexity and fingerprint side by side', async () => {
    const base = await submit('quantized', '1', { 'model.gguf': tinyLlamaGguf({ seed: 5 }) });
    const head = await submit('quantized', '2', { 'model.gguf': tinyLlamaGguf({ seed: 5, weights: 'q8_0' }) });
    for (const version of [base, head]) {
      expect((await autoRun(version)).status).toBe('succeeded');
      expect((await settled(await ask(version, SETTINGS))).status).toBe('succeeded');
    }
    const comparison = (await api.request('GET', '/v1/models/llm/quantized/benchmarks/compare?base=1&head=2', { key: publisher })).body;
    // The automatic runs pair up (same default settings), and so do the on-demand ones.
    expect(comparison.pairs).toHaveLength(2);
    const pair = comparison.pairs.find((p: { settings: { threads: number } }) => p.settings.threads === 1);
    expect(pair).toMatchObject({
      format: 'gguf',
      executionProvider: 'cpu',
      settings: { contextSize: 256, promptTokens: 32, generateTokens: 24, threads: 1 },
      base: { tokensPerSecond: expect.any(Number), perplexity: expect.any(Number), completionSha256: expect.any(String) },
      head: { tokensPerSecond: expect.any(Number), perplexity: expect.any(Number), completionSha256: expect.any(String) },
      sameCompletion: expect.any(Boolean),
    });
    // 8-bit weights: a small change in perplexity, not none and not damage.
    expect(pair.perplexityChange).not.toBe(0);
    expect(Math.abs(pair.perplexityChange)).toBeLessThan(0.01);
    expect(pair.speedup).toBeGreaterThan(0);
    const headRun = (await api.request('GET', `/v1/benchmarks/${pair.head.runId}`, { key: publisher })).body;
    expect(headRun.gguf.model.fileType).toBe('MOSTLY_Q8_0');
  }, 600_000);

  it('benchmarks a split model from its first part, with every part copied beside it', async () => {
    const parts = tinyLlamaGgufShards(2, { seed: 5 });
    const base = await submit('split', '1', { 'model-00001-of-00002.gguf': parts[0]!, 'model-00002-of-00002.gguf': parts[1]! });
    const run = await autoRun(base);
    expect(run).toMatchObject({
      status: 'succeeded',
      file: 'model-00001-of-00002.gguf',
      gguf: { model: { parameters: expect.any(Number) } },
    });
  }, 600_000);

  it('fails runs with a typed reason, never a crashed worker: unknown architecture, a backend that cannot start, foreign settings', async () => {
    const base = await submit('alien', '1', { 'alien.gguf': tinyLlamaGguf({ architecture: 'vetted-alien' }) });
    const alien = await autoRun(base);
    expect(alien.status).toBe('failed');
    expect(alien.error).toMatch(/^model_error: unknown model architecture 'vetted-alien'/);
    expect(alien.gguf).toBeNull();

    const tiny = await submit('backends', '1', { 'tiny.gguf': tinyLlamaGguf() });
    await autoRun(tiny);
    // No GPU here: Vulkan cannot start, and an explicit backend never falls back to the CPU.
    const vulkan = await settled(await ask(tiny, { ...SETTINGS, backend: 'vulkan' }));
    if (vulkan.status === 'succeeded') {
      expect(vulkan.executionProvider.actual).toBe('vulkan');
    } else {
      expect(vulkan.error).toMatch(/^provider_unavailable: vulkan cannot start here: /);
      expect(vulkan.executionProvider).toMatchObject({ requested: 'vulkan', actual: null });
    }

    const foreign = await api.request('POST', `${tiny}/benchmarks`, {
      key: publisher,
      body: { batchSize: 8, executionProvider: 'webgpu' },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ code: 'setting_not_for_format' });
    expect(foreign.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['batchSize', 'executionProvider']);

    // The worker carries on.
    expect((await settled(await ask(tiny, SETTINGS))).status).toBe('succeeded');
  }, 600_000);
});

// GGUF runner overhead: the tokens/s runGgufBenchmark reports (llama.cpp in the runner's child process) against a
// bare node-llama-cpp loop in this process, on the same model, prompt, threads and greedy decoding.
// Target: the runner within 5 % of the bare loop.
// Model: a Llama written by test/gguf-llm.ts (seeded random weights; `--size small` ≈ 27 M parameters), or --model FILE.
// Run: npx tsc -b libs/inference && node bench/gguf.mjs [--size tiny|small] [--weights f32|q8_0] [--model FILE]
//      [--rounds 5] [--prompt-tokens 128] [--generate-tokens 64] [--threads 1]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getLlama } from 'node-llama-cpp';
import { COMPLETION_PROMPT, PERPLEXITY_TEXT, runGgufBenchmark } from '../libs/inference/dist/index.js';
import { importTypeScript } from './typescript-module.mjs';

const SIZES = {
  tiny: undefined,
  small: { embedding: 512, heads: 8, kvHeads: 8, feedForward: 1536, layers: 8, contextLength: 2048 },
};
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    weights: { type: 'string', default: 'q8_0' },
    model: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    'prompt-tokens': { type: 'string', default: '128' },
    'generate-tokens': { type: 'string', default: '64' },
    threads: { type: 'string', default: '1' },
  },
});
const rounds = Number(values.rounds);
const promptTokens = Number(values['prompt-tokens']);
const generateTokens = Number(values['generate-tokens']);
const threads = Number(values.threads);
const contextSize = Math.max(1024, promptTokens + generateTokens + 64);

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
const range = (list) => `${Math.min(...list).toFixed(1)}–${Math.max(...list).toFixed(1)}`;

/** What the runner measures, done by hand: the same prompt tokens, the same greedy loop, timed the same way. */
async function bareLoop(model) {
  const context = await model.createContext({ contextSize, sequences: 1, threads });
  try {
    const sequence = context.getSequence();
    const bos = model.tokens.shouldPrependBosToken ? [model.tokens.bos] : [];
    const text = [...bos, ...model.tokenize(PERPLEXITY_TEXT)];
    const body = model.tokenize(` ${PERPLEXITY_TEXT}`);
    while (text.length < promptTokens) text.push(...body);
    await sequence.evaluateWithoutGeneratingNewTokens(text.slice(0, promptTokens)); // untimed, as in the runner
    await sequence.clearHistory();
    let started = performance.now();
    await sequence.evaluateWithoutGeneratingNewTokens(text.slice(0, promptTokens));
    const promptMs = performance.now() - started;

    await sequence.clearHistory();
    const gaps = [];
    let generated = 0;
    started = performance.now();
    let previous = started;
    for await (const token of sequence.evaluate([...bos, ...model.tokenize(COMPLETION_PROMPT)], { temperature: 0, yieldEogToken: true })) {
      void token;
      const now = performance.now();
      if (generated > 0) gaps.push(now - previous);
      previous = now;
      generated += 1;
      if (generated >= generateTokens) break;
    }
    const decodeMs = gaps.reduce((sum, gap) => sum + gap, 0);
    return { prompt: (promptTokens * 1000) / promptMs, generation: (gaps.length * 1000) / decodeMs };
  } finally {
    await context.dispose();
  }
}

async function runner(file) {
  const result = await runGgufBenchmark(file, { backend: 'cpu', contextSize, promptTokens, generateTokens, threads, timeoutMs: 600_000 });
  if (result.status !== 'succeeded') throw new Error(`runner failed: ${result.error.kind}: ${result.error.message}`);
  return { prompt: result.metrics.promptTokensPerSecond, generation: result.metrics.generationTokensPerSecond };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-gguf-'));
try {
  let file = values.model;
  if (!file) {
    const { tinyLlamaGguf } = await importTypeScript('test/gguf-llm.ts');
    file = path.join(dir, `${values.size}-${values.weights}.gguf`);
    // No chat template: both loops prompt with the same plain tokens.
    await writeFile(file, tinyLlamaGguf({ weights: values.weights, dimensions: SIZES[values.size], chatTemplate: null }));
  }
  const llama = await getLlama({ gpu: false, build: 'never', skipDownload: true, progressLogs: false, logLevel: 'error' });
  const model = await llama.loadModel({ modelPath: file });
  console.log(
    `model: ${path.basename(file)}, ${model.fileInsights.totalParameters} parameters, ${(model.size / 2 ** 20).toFixed(1)} MiB; ` +
      `prompt ${promptTokens} tokens, ${generateTokens} generated, threads ${threads}, CPU backend`,
  );
  console.log(
    `cpu: ${os.cpus()[0]?.model} × ${os.cpus().length}, node ${process.version}, node-llama-cpp (llama.cpp ${llama.llamaCppRelease.release}); ${rounds} alternating rounds`,
  );
  const bare = [];
  const measured = [];
  for (let round = 0; round < rounds; round += 1) {
    bare.push(await bareLoop(model));
    measured.push(await runner(file));
    console.log(
      `round ${round + 1}: generation bare ${bare.at(-1).generation.toFixed(1)} | runner ${measured.at(-1).generation.toFixed(1)} tokens/s; ` +
        `prompt bare ${bare.at(-1).prompt.toFixed(0)} | runner ${measured.at(-1).prompt.toFixed(0)} tokens/s`,
    );
  }
  for (const kind of ['generation', 'prompt']) {
    const baseline = bare.map((round) => round[kind]);
    const runnerFigures = measured.map((round) => round[kind]);
    // Rounds next to each other in time share the machine's load; their ratios cancel slow drifts.
    const pairRatio = median(runnerFigures.map((value, i) => value / baseline[i]));
    console.log(
      `${kind}: bare median ${median(baseline).toFixed(1)} (${range(baseline)}) | runner median ${median(runnerFigures).toFixed(1)} ` +
        `(${range(runnerFigures)}) tokens/s | runner / bare ${(median(runnerFigures) / median(baseline)).toFixed(3)} (ratio of medians), ` +
        `${pairRatio.toFixed(3)} (median of per-round ratios)`,
    );
  }
  await model.dispose();
  await llama.dispose();
} finally {
  await rm(dir, { recursive: true, force: true });
}

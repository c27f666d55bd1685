import type { Llama, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import { BenchmarkFailure, errorMessage } from '../benchmark-failure.js';
import type { BenchmarkError, BenchmarkFinding } from '../benchmark-types.js';
import { LogTail } from '../log-tail.js';
import { completionPrompt, plainTokens } from './chat-prompt.js';
import { completionFingerprint } from './completion-fingerprint.js';
import { COMPLETION_PROMPT, PERPLEXITY_TEXT } from './fixed-texts.js';
import { ggufHardware } from './gguf-hardware.js';
import { readGgufModel } from './gguf-model-info.js';
import { type NormalisedGgufOptions, normaliseGgufOptions, settingsOf } from './gguf-options.js';
import type { BackendOutcome, GgufBenchmarkOptions, GgufBenchmarkResult, GgufSettings, PerplexityOutcome } from './gguf-types.js';
import { type LlamaLogger, startLlamaBackend } from './llama-backend.js';
import { measurePerplexity } from './perplexity.js';
import { ggufMetrics } from './gguf-metrics.js';
import { type GenerationTiming, timeGeneration, timePrompt } from './token-timing.js';

/** Known once the model is loaded and the prompts are made, before the first timed evaluation. */
export type PreparedGgufBenchmark = {
  executionProvider: BackendOutcome;
  settings: GgufSettings;
  loadMs: number;
  findings: BenchmarkFinding[];
};

export type GgufBenchmarkHooks = {
  /** Each line the run logs (backend fallbacks, llama.cpp warnings, phases). */
  log?: (line: string) => void;
  /** Awaited before the first timed evaluation: the child reports this so a timeout still knows the settings. */
  onPrepared?: (prepared: PreparedGgufBenchmark) => void | Promise<void>;
};

/** Tokens of the fixed text scored for perplexity: enough for a stable figure, few enough to stay a smoke test. */
const MAX_PERPLEXITY_TOKENS = 256;
const MIB = 2 ** 20;
/** llama.cpp's log levels that say why something failed. */
const SEVERE = new Set<string>(['error', 'fatal']);
const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

/**
 * Runs the GGUF smoke test in this process with node-llama-cpp: start a backend, load, time the processing of a fixed
 * prompt and the greedy generation of a completion, score the perplexity of a fixed text. Model faults become a
 * `failed` result; callers that must survive a crashing llama.cpp use `runGgufBenchmark`, which runs this in a child.
 */
export async function runGgufBenchmarkInProcess(
  modelPath: string,
  options: GgufBenchmarkOptions = {},
  hooks: GgufBenchmarkHooks = {},
): Promise<GgufBenchmarkResult> {
  const tail = new LogTail();
  const log = (line: string): void => {
    tail.line(line);
    hooks.log?.(line);
  };
  const llamaErrors: string[] = [];
  const logger: LlamaLogger = (level, message) => {
    const text = message.trim();
    if (!text) return;
    log(`llama.cpp ${level}: ${text}`);
    if (SEVERE.has(level)) llamaErrors.push(text);
  };
  const executionProvider: BackendOutcome = { requested: options.backend ?? 'auto', actual: null };
  const findings: BenchmarkFinding[] = [];
  let prepared: PreparedGgufBenchmark | undefined;
  let llama: Llama | undefined;
  try {
    const normalised = normaliseGgufOptions(options);
    const backend = await startLlamaBackend(normalised.backend, logger);
    llama = backend.llama;
    Object.assign(executionProvider, backend.outcome);
    if (backend.outcome.fallbackReason) log(`backend ${backend.outcome.actual}: ${backend.outcome.fallbackReason}`);
    const { InsufficientMemoryError } = await import('node-llama-cpp');
    const loadFailure =
      (what: string) =>
      async (error: unknown): Promise<never> => {
        if (error instanceof InsufficientMemoryError) throw new BenchmarkFailure('memory_limit', `${what}: ${error.message}`);
        await llamaLogsDelivered();
        throw new BenchmarkFailure('model_error', `${what}: ${llamaCause(llamaErrors) ?? errorMessage(error)}`);
      };
    const modelInfo = await readGgufModel(modelPath, llama);
    if (backend.outcome.actual === 'cpu') checkFitsMemory(modelInfo.sizeMb, normalised.memoryLimitMb);
    const onGpu = backend.outcome.actual !== 'cpu';
    const vramBefore = onGpu ? (await llama.getVramState()).used : 0;

    const loadStarted = performance.now();
    const model = await llama.loadModel({ modelPath }).catch(loadFailure('loading the model failed'));
    const loadMs = performance.now() - loadStarted;
    log(
      `loaded ${modelPath} on ${backend.outcome.actual} in ${loadMs.toFixed(1)} ms, ${model.gpuLayers} of ${modelInfo.totalLayers} layers on the GPU`,
    );
    try {
      const context = await model
        // node-llama-cpp's default is at least 4 threads; on fewer cores they spin against each other.
        .createContext({ contextSize: normalised.contextSize, sequences: 1, threads: normalised.threads ?? llama.cpuMathCores })
        .catch(loadFailure('creating the context failed'));
      const sequence = context.getSequence();
      const prompt = await completionPrompt(model, COMPLETION_PROMPT);
      findings.push(...prompt.findings);
      if (prompt.tokens.length + normalised.generateTokens > normalised.contextSize) {
        throw new BenchmarkFailure(
          'invalid_options',
          `the completion prompt (${prompt.tokens.length} tokens) and generateTokens (${normalised.generateTokens}) do not fit in contextSize ${normalised.contextSize}`,
        );
      }
      const settings = settingsOf(normalised, context.currentThreads);
      prepared = { executionProvider: { ...executionProvider }, settings, loadMs: round(loadMs), findings: [...findings] };
      await hooks.onPrepared?.(prepared);

      const { promptMs, generation, perplexity } = await measure(model, sequence, prompt.tokens, normalised, llamaErrors);
      log(`prompt ${normalised.promptTokens} tokens in ${promptMs.toFixed(1)} ms, ${generation.tokens.length} tokens generated`);
      const vramUsedMb = onGpu ? ((await llama.getVramState()).used - vramBefore) / MIB : undefined;
      return {
        status: 'succeeded',
        format: 'gguf',
        executionProvider,
        hardware: await ggufHardware(llama),
        settings,
        model: modelInfo,
        metrics: ggufMetrics({
          loadMs,
          gpuLayers: model.gpuLayers,
          totalLayers: modelInfo.totalLayers,
          promptTokens: normalised.promptTokens,
          promptMs,
          generation,
          vramUsedMb,
        }),
        perplexity,
        completion: completionFingerprint(model, COMPLETION_PROMPT, generation.tokens),
        chatTemplate: prompt.chatTemplate,
        findings,
        logTail: tail.lines(),
      };
    } finally {
      await model.dispose();
    }
  } catch (error) {
    const failure = asBenchmarkError(error);
    log(`failed (${failure.kind}): ${failure.message}`);
    return {
      status: 'failed',
      format: 'gguf',
      error: failure,
      executionProvider,
      hardware: await ggufHardware(llama),
      ...(prepared && { settings: prepared.settings, loadMs: prepared.loadMs }),
      findings,
      logTail: tail.lines(),
    };
  } finally {
    await llama?.dispose();
  }
}

/** The timed part: prompt processing, generation, perplexity; a llama.cpp fault in any of them is a model error. */
async function measure(
  model: LlamaModel,
  sequence: LlamaContextSequence,
  completionPrompt: Token[],
  options: NormalisedGgufOptions,
  llamaErrors: readonly string[],
): Promise<{ promptMs: number; generation: GenerationTiming; perplexity: PerplexityOutcome }> {
  const failed = evaluationFailure(llamaErrors);
  const { promptMs } = await timePrompt(sequence, fixedPrompt(model, options.promptTokens)).catch(failed);
  const generation = await timeGeneration(sequence, completionPrompt, options.generateTokens, options.seed).catch(failed);
  const scored = plainTokens(model, PERPLEXITY_TEXT).slice(0, Math.min(options.contextSize, MAX_PERPLEXITY_TOKENS));
  const perplexity = await measurePerplexity(sequence, scored).catch(failed);
  return { promptMs, generation, perplexity };
}

/** The fixed text's tokens, repeated as needed, cut to exactly `count`. */
function fixedPrompt(model: LlamaModel, count: number): Token[] {
  const tokens = plainTokens(model, PERPLEXITY_TEXT);
  const body = model.tokenize(` ${PERPLEXITY_TEXT}`);
  while (tokens.length < count) tokens.push(...body);
  return tokens.slice(0, count);
}

/** On the CPU every weight is read into memory: a model bigger than the memory limit cannot pass, so it is not loaded. */
function checkFitsMemory(sizeMb: number, memoryLimitMb: number | undefined): void {
  if (memoryLimitMb !== undefined && sizeMb > memoryLimitMb) {
    throw new BenchmarkFailure(
      'memory_limit',
      `the model's weights take ${Math.round(sizeMb)} MiB, more than the ${memoryLimitMb} MiB memory limit; it was not loaded`,
    );
  }
}

/**
 * llama.cpp's log lines reach JavaScript through a native callback queue, often after the failed call has already
 * rejected: one turn of the event loop delivers what was queued before the failure.
 */
const llamaLogsDelivered = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** llama.cpp says why in its log ("error loading model: unknown model architecture: 'x'"); node-llama-cpp only that it failed. */
const llamaCause = (llamaErrors: readonly string[]): string | undefined =>
  llamaErrors.map((line) => /error loading model: (.*)$/.exec(line)?.[1]).findLast(Boolean) ?? llamaErrors.at(-1);

const evaluationFailure =
  (llamaErrors: readonly string[]) =>
  async (error: unknown): Promise<never> => {
    await llamaLogsDelivered();
    throw new BenchmarkFailure('model_error', `running the model failed: ${llamaCause(llamaErrors) ?? errorMessage(error)}`);
  };

function asBenchmarkError(error: unknown): BenchmarkError {
  if (error instanceof BenchmarkFailure) return { kind: error.kind, message: error.message };
  // Anything else is a bug in the runner, not a property of the model: let it surface.
  throw error;
}

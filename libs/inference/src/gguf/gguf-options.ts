import { LLAMA_BACKENDS } from '@vetted/domain';
import { BenchmarkFailure } from '../benchmark-failure.js';
import type { GgufBenchmarkOptions, GgufSettings, RequestedBackend } from './gguf-types.js';

export const DEFAULT_CONTEXT_SIZE = 1024;
export const DEFAULT_PROMPT_TOKENS = 128;
export const DEFAULT_GENERATE_TOKENS = 64;
/** Bounds that keep a request a smoke test. */
const MAX_CONTEXT_SIZE = 131_072;
const MAX_GENERATE_TOKENS = 4096;
export const BACKENDS: readonly RequestedBackend[] = LLAMA_BACKENDS;

export type NormalisedGgufOptions = Omit<GgufSettings, 'threads'> & { backend: RequestedBackend; threads?: number; memoryLimitMb?: number };

/** Options with defaults applied, checked: they may come from an API request. */
export function normaliseGgufOptions(options: GgufBenchmarkOptions): NormalisedGgufOptions {
  const backend = options.backend ?? 'auto';
  if (!BACKENDS.includes(backend)) invalid(`backend must be one of ${BACKENDS.join(', ')}`);
  const promptTokens = options.promptTokens ?? DEFAULT_PROMPT_TOKENS;
  integer('promptTokens', promptTokens, 1, MAX_CONTEXT_SIZE);
  const generateTokens = options.generateTokens ?? DEFAULT_GENERATE_TOKENS;
  integer('generateTokens', generateTokens, 2, MAX_GENERATE_TOKENS);
  const contextSize = options.contextSize ?? Math.max(DEFAULT_CONTEXT_SIZE, promptTokens + generateTokens);
  integer('contextSize', contextSize, 16, MAX_CONTEXT_SIZE);
  // The completion prompt is short, but the timed prompt must fit whole.
  if (promptTokens > contextSize) invalid(`promptTokens (${promptTokens}) must fit in contextSize (${contextSize})`);
  const seed = options.seed ?? 1;
  integer('seed', seed, 0, 2 ** 32 - 1);
  if (options.threads !== undefined) integer('threads', options.threads, 1, 1024);
  if (options.memoryLimitMb !== undefined && !(options.memoryLimitMb > 0)) invalid('memoryLimitMb must be positive');
  return {
    backend,
    contextSize,
    promptTokens,
    generateTokens,
    seed,
    ...(options.threads !== undefined && { threads: options.threads }),
    ...(options.memoryLimitMb !== undefined && { memoryLimitMb: options.memoryLimitMb }),
  };
}

/** The settings a result reports, once the context says how many threads it got. */
export const settingsOf = (
  { backend: _backend, memoryLimitMb: _limit, ...settings }: NormalisedGgufOptions,
  threads: number,
): GgufSettings => ({ ...settings, threads });

function integer(name: string, value: unknown, minimum: number, maximum: number): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum || value > maximum) {
    invalid(`${name} must be an integer from ${minimum} to ${maximum}`);
  }
}

function invalid(message: string): never {
  throw new BenchmarkFailure('invalid_options', message);
}

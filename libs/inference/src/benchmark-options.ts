import { EXECUTION_PROVIDERS } from '@vetted/domain';
import { BenchmarkFailure } from './benchmark-failure.js';
import type { BenchmarkOptions, ExplicitInput, ReferenceOptions, RequestedProvider } from './benchmark-types.js';
import { isTensorDtype } from './host-tensor.js';

export const DEFAULT_WARMUP = 3;
export const DEFAULT_ITERATIONS = 20;
/** Cap on timed runs under a time budget alone, which also bounds the samples kept. */
export const MAX_RUNS = 100_000;
export const DEFAULT_VOCAB_SIZE = 100;
export const DEFAULT_ATOL = 1e-4;
export const DEFAULT_RTOL = 1e-3;

const PROVIDERS: readonly RequestedProvider[] = EXECUTION_PROVIDERS;
const FILLS = ['random', 'zeros', 'ones'];

/** Options with defaults applied, checked: they may come from an API request. */
export type NormalisedOptions = {
  executionProvider: RequestedProvider;
  batchSize: number;
  /** False when `batchSize` is the default of 1. */
  batchSizeRequested: boolean;
  dims: Record<string, number>;
  inputs: Record<string, ExplicitInput>;
  configPath?: string;
  preprocessorConfigPath?: string;
  vocabSize?: number;
  warmup: number;
  /** As requested, for the settings; `maxRuns` is what bounds the loop. */
  iterations?: number;
  durationMs?: number;
  maxRuns: number;
  threads?: number;
  seed: number;
  reference?: ReferenceOptions & { atol: number; rtol: number };
};

export function normaliseOptions(options: BenchmarkOptions): NormalisedOptions {
  const executionProvider = options.executionProvider ?? 'auto';
  if (!PROVIDERS.includes(executionProvider)) invalid(`executionProvider must be one of ${PROVIDERS.join(', ')}`);
  const dims = options.dims ?? {};
  for (const [name, value] of Object.entries(dims)) integer(`dims.${name}`, value, 0);
  const batchSize = options.batchSize ?? dims.batch ?? 1;
  integer('batchSize', batchSize, 1);
  const warmup = options.warmup ?? DEFAULT_WARMUP;
  integer('warmup', warmup, 0);
  if (options.iterations !== undefined) integer('iterations', options.iterations, 1);
  if (options.durationMs !== undefined) positive('durationMs', options.durationMs);
  if (options.threads !== undefined) integer('threads', options.threads, 1);
  if (options.vocabSize !== undefined) integer('vocabSize', options.vocabSize, 1);
  const seed = options.seed ?? 1;
  integer('seed', seed, 0);
  const inputs = options.inputs ?? {};
  for (const [name, input] of Object.entries(inputs)) checkExplicitInput(name, input);
  const iterations = options.iterations ?? (options.durationMs === undefined ? DEFAULT_ITERATIONS : undefined);
  return {
    executionProvider,
    batchSize,
    batchSizeRequested: options.batchSize !== undefined || dims.batch !== undefined,
    dims,
    inputs,
    configPath: options.configPath,
    preprocessorConfigPath: options.preprocessorConfigPath,
    vocabSize: options.vocabSize,
    warmup,
    iterations,
    durationMs: options.durationMs,
    maxRuns: Math.min(iterations ?? MAX_RUNS, MAX_RUNS),
    threads: options.threads,
    seed,
    reference: options.reference && normaliseReference(options.reference),
  };
}

function checkExplicitInput(name: string, input: ExplicitInput): void {
  if (typeof input !== 'object' || input === null) invalid(`inputs.${name} must be an object`);
  if (input.dtype !== undefined && !isTensorDtype(input.dtype)) invalid(`inputs.${name}.dtype ${String(input.dtype)} is not supported`);
  if (input.fill !== undefined && !FILLS.includes(input.fill)) invalid(`inputs.${name}.fill must be one of ${FILLS.join(', ')}`);
  if (input.shape !== undefined && !Array.isArray(input.shape)) invalid(`inputs.${name}.shape must be a list`);
  if (input.data !== undefined && !Array.isArray(input.data)) invalid(`inputs.${name}.data must be a list of numbers`);
}

function normaliseReference(reference: ReferenceOptions): NonNullable<NormalisedOptions['reference']> {
  const atol = reference.atol ?? DEFAULT_ATOL;
  const rtol = reference.rtol ?? DEFAULT_RTOL;
  if (!(atol >= 0) || !(rtol >= 0)) invalid('reference.atol and reference.rtol must be non-negative numbers');
  if (!reference.dir && !reference.outputs) invalid('reference needs a dir or outputs');
  return { ...reference, atol, rtol };
}

function integer(name: string, value: unknown, minimum: number): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) invalid(`${name} must be an integer ≥ ${minimum}`);
}

function positive(name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) invalid(`${name} must be a positive number`);
}

function invalid(message: string): never {
  throw new BenchmarkFailure('invalid_options', message);
}

import os from 'node:os';
import type { PreparedBenchmark } from './benchmark-core.js';
import { BenchmarkFailure } from './benchmark-failure.js';
import { normaliseOptions } from './benchmark-options.js';
import type { BenchmarkError, BenchmarkResult, FailedBenchmark, RunBenchmarkOptions } from './benchmark-types.js';
import { checkGuards, type ChildGuards, superviseChild } from './child-supervisor.js';
import { detectHardware } from './hardware-fingerprint.js';

export const DEFAULT_TIMEOUT_MS = 300_000;
export const DEFAULT_LOG_TAIL_LINES = 50;

export const defaultMemoryLimitMb = (): number => Math.round((os.totalmem() / 2 ** 20) * 0.75);

/** The guards of a run, defaults applied. */
export const childGuards = (options: Partial<ChildGuards>): ChildGuards => ({
  timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  memoryLimitMb: options.memoryLimitMb ?? defaultMemoryLimitMb(),
  logTailLines: options.logTailLines ?? DEFAULT_LOG_TAIL_LINES,
  signal: options.signal,
});

/**
 * Runs the ONNX smoke test in a child process (`superviseChild`), so a model that hangs, eats memory or crashes
 * the runtime costs only the child; such ends come back as `failed` results with the child's log tail.
 * Throws only when the child script is not built, or with the signal's reason when aborted.
 */
export async function runBenchmark(modelPath: string, options: RunBenchmarkOptions = {}): Promise<BenchmarkResult> {
  const { timeoutMs, memoryLimitMb, logTailLines, signal, ...benchmark } = options;
  const guards = childGuards({ timeoutMs, memoryLimitMb, logTailLines, signal });
  const failed = async (error: BenchmarkError, prepared?: PreparedBenchmark, logTail: string[] = []): Promise<FailedBenchmark> => ({
    status: 'failed',
    error,
    executionProvider: prepared?.executionProvider ?? { requested: benchmark.executionProvider ?? 'auto', actual: null },
    hardware: await detectHardware(),
    ...(prepared && { settings: prepared.settings, loadMs: prepared.loadMs }),
    findings: prepared?.findings ?? [],
    logTail,
  });
  try {
    normaliseOptions(benchmark);
    checkGuards(guards);
  } catch (error) {
    if (error instanceof BenchmarkFailure) return failed({ kind: error.kind, message: error.message });
    throw error;
  }
  const outcome = await superviseChild<BenchmarkResult, PreparedBenchmark>(modelPath, { format: 'onnx', options: benchmark }, guards);
  return 'result' in outcome ? outcome.result : failed(outcome.error, outcome.prepared, outcome.logTail);
}

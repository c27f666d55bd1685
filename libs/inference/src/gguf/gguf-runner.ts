import { BenchmarkFailure } from '../benchmark-failure.js';
import type { BenchmarkError } from '../benchmark-types.js';
import { childGuards } from '../benchmark-runner.js';
import { checkGuards, superviseChild } from '../child-supervisor.js';
import type { PreparedGgufBenchmark } from './gguf-benchmark-core.js';
import { ggufHardware } from './gguf-hardware.js';
import { normaliseGgufOptions } from './gguf-options.js';
import type { FailedGgufBenchmark, GgufBenchmarkResult, RunGgufBenchmarkOptions } from './gguf-types.js';

/**
 * Runs the GGUF smoke test in a child process, under the same guards as ONNX runs: killed past `timeoutMs`, above
 * `memoryLimitMb` (and refused before loading when its weights alone exceed it on the CPU), or when aborted. A
 * hang, a memory blow-up or a crash of llama.cpp comes back as a `failed` result; the caller lives on.
 */
export async function runGgufBenchmark(modelPath: string, options: RunGgufBenchmarkOptions = {}): Promise<GgufBenchmarkResult> {
  const { timeoutMs, memoryLimitMb, logTailLines, signal, ...benchmark } = options;
  const guards = childGuards({ timeoutMs, memoryLimitMb, logTailLines, signal });
  const failed = async (error: BenchmarkError, prepared?: PreparedGgufBenchmark, logTail: string[] = []): Promise<FailedGgufBenchmark> => ({
    status: 'failed',
    format: 'gguf',
    error,
    executionProvider: prepared?.executionProvider ?? { requested: benchmark.backend ?? 'auto', actual: null },
    hardware: await ggufHardware(),
    ...(prepared && { settings: prepared.settings, loadMs: prepared.loadMs }),
    findings: prepared?.findings ?? [],
    logTail,
  });
  const job = { ...benchmark, memoryLimitMb: guards.memoryLimitMb };
  try {
    normaliseGgufOptions(job);
    checkGuards(guards);
  } catch (error) {
    if (error instanceof BenchmarkFailure) return failed({ kind: error.kind, message: error.message });
    throw error;
  }
  const outcome = await superviseChild<GgufBenchmarkResult, PreparedGgufBenchmark>(modelPath, { format: 'gguf', options: job }, guards);
  return 'result' in outcome ? outcome.result : failed(outcome.error, outcome.prepared, outcome.logTail);
}

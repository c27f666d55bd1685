import type { PreparedBenchmark } from './benchmark-core.js';
import type { BenchmarkOptions, BenchmarkResult } from './benchmark-types.js';
import type { PreparedGgufBenchmark } from './gguf/gguf-benchmark-core.js';
import type { GgufBenchmarkOptions, GgufBenchmarkResult } from './gguf/gguf-types.js';

/** What the child runs: an ONNX model with onnxruntime-node, or a GGUF model with node-llama-cpp. */
export type BenchmarkJob = { format: 'onnx'; options: BenchmarkOptions } | { format: 'gguf'; options: GgufBenchmarkOptions };

/** Parent → child, once. */
export type StartBenchmark = { type: 'start'; modelPath: string; job: BenchmarkJob };

/** Child → parent: `prepared` before the first timed run, then `result`. */
export type ChildMessage =
  | { type: 'prepared'; prepared: PreparedBenchmark | PreparedGgufBenchmark }
  | { type: 'result'; result: BenchmarkResult | GgufBenchmarkResult };

import type { PreparedBenchmark } from './benchmark-core.js';
import type { BenchmarkOptions, BenchmarkResult } from './benchmark-types.js';

/** Parent → child, once. */
export type StartBenchmark = { type: 'start'; modelPath: string; options: BenchmarkOptions };

/** Child → parent: `prepared` before the first run, then `result`. */
export type ChildMessage = { type: 'prepared'; prepared: PreparedBenchmark } | { type: 'result'; result: BenchmarkResult };

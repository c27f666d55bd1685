import type { RequestedProvider } from '@vetted/domain';
// Types, not interfaces: results are stored as JSON columns, and a type alias is assignable to them.
// Every value in a result is JSON-safe (finite numbers, no bigint), so it survives IPC and the database.

/** A provider a caller may ask for; `auto` tries CUDA, then WebGPU, then the CPU. */
export type { RequestedProvider };
/** A provider a session really ran on. */
export type ExecutionProviderName = Exclude<RequestedProvider, 'auto'>;

/** The element types the runner can synthesise, read from reference files and check. */
export type TensorDtype =
  'float32' | 'float16' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'bool';

/** How an input's values were made: `token_ids` lie in [0, vocab size), `positions` count along the last axis. */
export type InputFill = 'random' | 'zeros' | 'ones' | 'token_ids' | 'positions' | 'data';

/** An input given by the caller instead of synthesised, e.g. a sample-rate scalar. */
export type ExplicitInput = {
  dtype?: TensorDtype;
  /** Defaults to the model's shape with symbolic dimensions resolved; `[]` is a scalar. */
  shape?: number[];
  /** Row-major values; `fill` is ignored when given. */
  data?: number[];
  fill?: 'random' | 'zeros' | 'ones';
};

/** Reference tensors (`.npy`, or ONNX `TensorProto` `.pb`) to run once and compare against. */
export type ReferenceOptions = {
  /** An ONNX test-data folder: `input_<i>.pb|npy` and `output_<i>.pb|npy`, matched by tensor name or position. */
  dir?: string;
  /** Input name → file; added to (and overriding) what `dir` holds. */
  inputs?: Record<string, string>;
  /** Output name → file. */
  outputs?: Record<string, string>;
  /** Elements pass when |actual − expected| ≤ atol + rtol·|expected| (NumPy's allclose). Default 1e-4. */
  atol?: number;
  /** Default 1e-3. */
  rtol?: number;
};

/** What the in-process core takes; everything is optional. */
export type BenchmarkOptions = {
  /** Default `auto`. An explicit provider that cannot start fails the run: it never silently falls back. */
  executionProvider?: RequestedProvider;
  /** Value of every batch-like symbolic dimension (batch, batch_size, N…). Default 1. */
  batchSize?: number;
  /**
   * Symbolic dimension overrides: by position (`x.2`: axis 2 of input `x`, for dimensions the graph leaves
   * unnamed), by the model's exact name (`sequence_length`), or by kind (`batch`, `sequence`, `past_sequence`,
   * `height`, `width`, `channels`, `samples`). A position wins over a name, a name over a kind.
   */
  dims?: Record<string, number>;
  inputs?: Record<string, ExplicitInput>;
  /** A transformers `config.json`: its `vocab_size` bounds synthesised token ids. */
  configPath?: string;
  /** A Hugging Face `preprocessor_config.json`: its image size fills the symbolic height and width of image inputs. */
  preprocessorConfigPath?: string;
  /** Bounds token ids when there is no config; default 100 when neither is given. */
  vocabSize?: number;
  /** Untimed runs before the timed ones. Default 3. */
  warmup?: number;
  /** Timed runs. Default 20, or unbounded (up to 100,000) when only `durationMs` is given. */
  iterations?: number;
  /** Time budget for the timed runs; the loop stops at whichever of this and `iterations` comes first. */
  durationMs?: number;
  /** ONNX Runtime intra-op threads; default lets the runtime decide. */
  threads?: number;
  /** Seeds the synthetic inputs so runs are repeatable. Default 1. */
  seed?: number;
  reference?: ReferenceOptions;
};

/** What `runBenchmark` takes: the core's options and the guards around the child process. */
export type RunBenchmarkOptions = BenchmarkOptions & {
  /** Wall-clock limit for the whole child (load, reference run, warm-up, timed runs). Default 300,000 ms. */
  timeoutMs?: number;
  /** The child is killed when its resident memory exceeds this. Default 75 % of the machine's memory. */
  memoryLimitMb?: number;
  /** Lines of the child's stdout/stderr kept for the result. Default 50. */
  logTailLines?: number;
  /** Aborting kills the child; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
};

export type ExecutionProviderOutcome = {
  requested: RequestedProvider;
  /** `null` when the run failed before any provider was chosen. */
  actual: ExecutionProviderName | null;
  /** Why `auto` did not get CUDA or WebGPU, or why an explicit provider could not start. */
  fallbackReason?: string;
};

export type GpuInfo = { name: string; driver: string; memoryMb?: number; source: 'nvidia-smi' };

export type HardwareFingerprint = {
  cpu: { model: string; cores: number };
  totalMemoryMb: number;
  /** From `nvidia-smi` when present; onnxruntime-node does not expose WebGPU adapter details to JavaScript. */
  gpus: GpuInfo[];
  /** `process.platform-process.arch`, e.g. `linux-x64`. */
  platform: string;
  nodeVersion: string;
  onnxruntimeVersion: string;
};

/**
 * Where a dimension's value came from: fixed in the `graph` (or a fixed side of the same image), the
 * `request` (`dims`, `batchSize`, an input's `shape`), `preprocessor_config.json`, or a `default`.
 */
export type DimensionSource = 'graph' | 'request' | 'preprocessor_config' | 'default';

/** An input as the runs were fed it; `source[i]` says where `shape[i]` came from. */
export type ResolvedInput = { name: string; dtype: TensorDtype; shape: number[]; fill: InputFill; source: DimensionSource[] };

export type ResolvedSettings = {
  /** Items per run: the batch size when the model has a symbolic batch dimension, else 1. */
  batchSize: number;
  /** Every symbolic dimension of the model's inputs and the value it got, by name (`input.axis` when unnamed). */
  dims: Record<string, number>;
  warmup: number;
  iterations?: number;
  durationMs?: number;
  threads?: number;
  seed: number;
  inputs: ResolvedInput[];
};

export type BenchmarkMetrics = {
  /** Session creation, including graph optimisation. */
  loadMs: number;
  /** The first run after loading (the first warm-up run when there is one). */
  firstRunMs: number;
  /** Timed runs made. */
  runs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Items per second: batch size / mean latency. */
  throughput: number;
  /** Peak resident memory of the process that ran the model. */
  peakRssMb: number;
};

export type OutputSummary = { name: string; dtype: string; shape: number[]; nonFinite: number };

export type ReferenceOutputCheck = { name: string; passed: boolean; maxAbsError: number; mismatched: number; message?: string };

export type ReferenceOutcome = { passed: boolean; maxAbsError: number; atol: number; rtol: number; outputs: ReferenceOutputCheck[] };

export type Severity = 'info' | 'warning' | 'critical';

/** Same shape as the inspectors' findings in `@vetted/formats`. */
export type BenchmarkFinding = { severity: Severity; code: string; message: string; evidence?: Record<string, string | number | boolean> };

export type BenchmarkErrorKind =
  | 'timeout'
  | 'memory_limit'
  /** The child died without a result: `exitCode` or `signal` says how. */
  | 'crashed'
  /** The runtime rejected the model while loading or running it. */
  | 'model_error'
  /** An explicitly requested provider could not start here. */
  | 'provider_unavailable'
  /** The options do not fit the model (unknown input, wrong data length, unreadable reference file…). */
  | 'invalid_options';

export type BenchmarkError = { kind: BenchmarkErrorKind; message: string; exitCode?: number; signal?: string };

type ResultBase = {
  executionProvider: ExecutionProviderOutcome;
  hardware: HardwareFingerprint;
  findings: BenchmarkFinding[];
  /** The last lines the run logged (the child's stdout and stderr when run in a child). */
  logTail: string[];
};

export type SucceededBenchmark = ResultBase & {
  status: 'succeeded';
  settings: ResolvedSettings;
  metrics: BenchmarkMetrics;
  outputs: OutputSummary[];
  reference?: ReferenceOutcome;
};

export type FailedBenchmark = ResultBase & {
  status: 'failed';
  error: BenchmarkError;
  /** Present when the failure came after the inputs were resolved (e.g. a timeout during the runs). */
  settings?: ResolvedSettings;
  loadMs?: number;
};

export type BenchmarkResult = SucceededBenchmark | FailedBenchmark;

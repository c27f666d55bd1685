import type { InferenceSession } from 'onnxruntime-node';
import { BenchmarkFailure, errorMessage } from './benchmark-failure.js';
import { DEFAULT_VOCAB_SIZE, type NormalisedOptions, normaliseOptions } from './benchmark-options.js';
import type {
  BenchmarkError,
  BenchmarkFinding,
  BenchmarkMetrics,
  BenchmarkOptions,
  BenchmarkResult,
  ExecutionProviderOutcome,
  ReferenceOutcome,
  ResolvedSettings,
} from './benchmark-types.js';
import { chooseExecutionProvider } from './execution-provider.js';
import { detectHardware } from './hardware-fingerprint.js';
import type { HostTensor } from './host-tensor.js';
import { type SynthesisedInputs, synthesiseInputs } from './input-synthesis.js';
import { LogTail } from './log-tail.js';
import { summariseLatencies } from './latency-stats.js';
import { readImageSize, readVocabSize } from './model-config.js';
import { loadOnnxRuntime, type OnnxRuntime } from './onnx-runtime.js';
import { checkOutputs } from './output-check.js';
import { peakResidentMemoryMb } from './process-memory.js';
import { compareWithReference } from './reference-check.js';
import { loadReferenceTensors } from './reference-tensors.js';
import { type TimedRuns, timeRuns } from './timed-runs.js';

/** Known once the model is loaded and its inputs are made, before the first run. */
export type PreparedBenchmark = {
  executionProvider: ExecutionProviderOutcome;
  settings: ResolvedSettings;
  loadMs: number;
  /** What making the inputs noticed (defaulted dimensions…). */
  findings: BenchmarkFinding[];
};

export type BenchmarkHooks = {
  /** Each line the run logs (provider fallbacks, phases). */
  log?: (line: string) => void;
  /** Awaited before the first run: the child reports this so a timeout still knows the settings. */
  onPrepared?: (prepared: PreparedBenchmark) => void | Promise<void>;
};

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

/**
 * Runs the smoke test in this process: load, synthesise inputs, optional reference check, warm-up, timed runs,
 * output checks. Model faults become a `failed` result; this process is only as safe as the model, so callers
 * that must survive a crashing runtime use `runBenchmark`, which runs this in a child.
 */
export async function runBenchmarkInProcess(
  modelPath: string,
  options: BenchmarkOptions = {},
  hooks: BenchmarkHooks = {},
): Promise<BenchmarkResult> {
  const tail = new LogTail();
  const log = (line: string): void => {
    tail.line(line);
    hooks.log?.(line);
  };
  const hardware = detectHardware();
  const executionProvider: ExecutionProviderOutcome = { requested: options.executionProvider ?? 'auto', actual: null };
  const findings: BenchmarkFinding[] = [];
  let prepared: PreparedBenchmark | undefined;
  try {
    const normalised = normaliseOptions(options);
    const ort = await loadOnnxRuntime();
    const provider = await chooseExecutionProvider(normalised.executionProvider);
    Object.assign(executionProvider, provider);
    if (provider.fallbackReason) log(`execution provider ${provider.actual}: ${provider.fallbackReason}`);
    const loadStarted = performance.now();
    const session = await ort.InferenceSession.create(modelPath, sessionOptions(provider.actual, normalised)).catch((error: unknown) => {
      throw new BenchmarkFailure('model_error', `loading the model failed: ${errorMessage(error)}`);
    });
    const loadMs = performance.now() - loadStarted;
    log(`loaded ${modelPath} on ${executionProvider.actual} in ${loadMs.toFixed(1)} ms`);
    try {
      const inputs = await synthesise(session, normalised);
      findings.push(...inputs.findings);
      const settings = resolvedSettings(inputs, normalised);
      prepared = { executionProvider: { ...executionProvider }, settings, loadMs: round(loadMs), findings: [...findings] };
      await hooks.onPrepared?.(prepared);

      const reference = normalised.reference && (await checkReference(ort, session, normalised.reference));
      if (reference && !reference.passed) {
        findings.push({
          severity: 'critical',
          code: 'reference_mismatch',
          message: `outputs differ from the reference beyond atol ${reference.atol}, rtol ${reference.rtol} (max abs error ${reference.maxAbsError})`,
          evidence: { maxAbsError: reference.maxAbsError },
        });
      }
      const runs = await timeRuns(session, feeds(ort, inputs.tensors), normalised).catch(runFailure);
      const outputCheck = checkOutputs(runs.firstOutputs, session.outputMetadata, settings.dims);
      findings.push(...outputCheck.findings);
      log(`${runs.samplesMs.length} timed runs`);
      return {
        status: 'succeeded',
        executionProvider,
        hardware: await hardware,
        settings,
        metrics: metrics(loadMs, runs, settings.batchSize),
        outputs: outputCheck.outputs,
        ...(reference && { reference }),
        findings,
        logTail: tail.lines(),
      };
    } finally {
      await session.release();
    }
  } catch (error) {
    const failure = asBenchmarkError(error);
    log(`failed (${failure.kind}): ${failure.message}`);
    return {
      status: 'failed',
      error: failure,
      executionProvider,
      hardware: await hardware,
      ...(prepared && { settings: prepared.settings, loadMs: prepared.loadMs }),
      findings,
      logTail: tail.lines(),
    };
  }
}

function resolvedSettings(inputs: SynthesisedInputs, options: NormalisedOptions): ResolvedSettings {
  return {
    batchSize: inputs.batchSize,
    dims: inputs.dims,
    warmup: options.warmup,
    ...(options.iterations !== undefined && { iterations: options.iterations }),
    ...(options.durationMs !== undefined && { durationMs: options.durationMs }),
    ...(options.threads !== undefined && { threads: options.threads }),
    seed: options.seed,
    inputs: inputs.inputs,
  };
}

function metrics(loadMs: number, runs: TimedRuns, batchSize: number): BenchmarkMetrics {
  const latency = summariseLatencies(runs.samplesMs);
  return {
    loadMs: round(loadMs),
    firstRunMs: round(runs.firstRunMs),
    runs: latency.runs,
    p50Ms: round(latency.p50Ms),
    p90Ms: round(latency.p90Ms),
    p99Ms: round(latency.p99Ms),
    meanMs: round(latency.meanMs),
    throughput: round((batchSize * 1000) / latency.meanMs, 2),
    peakRssMb: round(peakResidentMemoryMb(), 1),
  };
}

function sessionOptions(provider: string, options: NormalisedOptions): InferenceSession.SessionOptions {
  return {
    executionProviders: [provider],
    graphOptimizationLevel: 'all',
    ...(options.threads !== undefined && { intraOpNumThreads: options.threads }),
  };
}

async function synthesise(session: InferenceSession, options: NormalisedOptions): Promise<SynthesisedInputs> {
  const configVocab = options.configPath === undefined ? undefined : await readVocabSize(options.configPath);
  const vocabSize = options.vocabSize ?? configVocab;
  const imageSize = options.preprocessorConfigPath === undefined ? undefined : await readImageSize(options.preprocessorConfigPath);
  return synthesiseInputs(session.inputMetadata, {
    batchSize: options.batchSize,
    batchSizeRequested: options.batchSizeRequested,
    dims: options.dims,
    ...(imageSize && { imageSize }),
    inputs: options.inputs,
    vocabSize: vocabSize ?? DEFAULT_VOCAB_SIZE,
    vocabSizeKnown: vocabSize !== undefined,
    seed: options.seed,
  });
}

async function checkReference(
  ort: OnnxRuntime,
  session: InferenceSession,
  reference: NonNullable<NormalisedOptions['reference']>,
): Promise<ReferenceOutcome> {
  const tensors = await loadReferenceTensors(reference, session.inputNames, session.outputNames);
  for (const input of session.inputMetadata) {
    const given = tensors.inputs.get(input.name);
    if (input.isTensor && given && given.dtype !== input.type) {
      throw new BenchmarkFailure('invalid_options', `reference input ${input.name} is ${given.dtype}, the model takes ${input.type}`);
    }
  }
  const outputs = await session.run(feeds(ort, tensors.inputs)).catch(runFailure);
  return compareWithReference(outputs, tensors.outputs, reference.atol, reference.rtol);
}

function feeds(ort: OnnxRuntime, tensors: ReadonlyMap<string, HostTensor>): InferenceSession.FeedsType {
  return Object.fromEntries([...tensors].map(([name, tensor]) => [name, new ort.Tensor(tensor.dtype, tensor.data, tensor.shape)]));
}

function runFailure(error: unknown): never {
  throw new BenchmarkFailure('model_error', `running the model failed: ${errorMessage(error)}`);
}

function asBenchmarkError(error: unknown): BenchmarkError {
  if (error instanceof BenchmarkFailure) return { kind: error.kind, message: error.message };
  // Anything else is a bug in the runner, not a property of the model: let it surface.
  throw error;
}

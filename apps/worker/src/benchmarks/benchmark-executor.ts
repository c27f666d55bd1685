import { posix } from 'node:path';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Config } from '@vetted/config';
import type { BenchmarkRun } from '@vetted/db';
import { recordBenchmarkFinished } from '@vetted/lifecycle';
import {
  type BenchmarkResult,
  type GgufBenchmarkResult,
  MAX_TENSOR_FILE_BYTES,
  type RequestedBackend,
  runBenchmark,
  type RunBenchmarkOptions,
  runGgufBenchmark,
  type RunGgufBenchmarkOptions,
} from '@vetted/inference';
import type { OnnxFacts } from '@vetted/formats';
import type { BlobStore } from '@vetted/storage';
import { DEFAULT_LIVENESS, LIVENESS, type Liveness } from '../infra/liveness.js';
import { Transactions } from '../infra/transactions.js';
import { BLOB_STORE, CONFIG } from '../tokens.js';
import { BenchmarkRunRepository } from './benchmark-run.repository.js';
import { BenchmarkWorkspace, type WorkspaceFile } from './benchmark-workspace.js';
import { ggufBackend } from './gguf-backend.js';
import { ggufModelFiles } from './gguf-benchmark-files.js';

/** How often a running benchmark proves its worker alive, and checks whether it was cancelled (so more often than liveness asks). */
const HEARTBEAT_MS = 2_000;

/**
 * ONNX's test-data convention: `test_data_set_0/input_0.pb`, `output_0.pb` (or `.npy`) next to the model.
 * A version that ships them gets its outputs checked against them on every run.
 */
const REFERENCE_FOLDER = 'test_data_set_0/';
const REFERENCE_TENSOR = /^(input|output)_\d+\.(pb|npy)$/;
const MAX_REFERENCE_FILES = 64;
/** At the version's root, as the Hub keeps them: token-id ranges and image sizes for the synthesised inputs. */
const CONFIG_FILE = 'config.json';
const PREPROCESSOR_CONFIG_FILE = 'preprocessor_config.json';

/** The request fields the runners understand (the rest of settings is bookkeeping). */
type RequestedSettings = Pick<RunBenchmarkOptions, 'executionProvider' | 'batchSize' | 'iterations' | 'warmup' | 'dims' | 'inputs'> &
  Pick<RunGgufBenchmarkOptions, 'contextSize' | 'promptTokens' | 'generateTokens' | 'threads'> & {
    backend?: RequestedBackend;
    timeoutSeconds?: number;
  };

type AnyResult = BenchmarkResult | GgufBenchmarkResult;

/**
 * Runs one benchmark: claims the run (a run another live worker holds is left alone), copies the model
 * file and what it needs into a private folder, runs it in a child process under a timeout and a
 * memory ceiling (ONNX with onnxruntime-node, GGUF with llama.cpp), and writes the result once. Model
 * errors are results; only infrastructure errors (database, storage) are thrown, for the queue to retry.
 */
@Injectable()
export class BenchmarkExecutor {
  private readonly logger = new Logger(BenchmarkExecutor.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    private readonly runs: BenchmarkRunRepository,
    private readonly transactions: Transactions,
    @Optional() @Inject(LIVENESS) private readonly liveness: Liveness = DEFAULT_LIVENESS,
  ) {}

  async execute(runId: string): Promise<void> {
    if (!(await this.claim(runId))) return;
    // Beat from the claim on: copying gigabytes of weights must not look like a dead worker.
    const abort = new AbortController();
    const heartbeat = setInterval(() => void this.beat(runId, abort), HEARTBEAT_MS);
    let workspace: BenchmarkWorkspace | undefined;
    try {
      const run = await this.runs.get(runId);
      const gguf = (await this.formatOf(run)) === 'gguf';
      workspace = await BenchmarkWorkspace.create(this.store, gguf ? await this.ggufFilesFor(run) : await this.filesFor(run));
      if (abort.signal.aborted) return; // cancelled while the files were copied
      const result = await (gguf ? this.runGguf(run, workspace, abort.signal) : this.run(run, workspace, abort.signal));
      if (result) await this.record(runId, result);
    } finally {
      clearInterval(heartbeat);
      await workspace?.remove();
    }
  }

  /** The runner's result, or undefined when the run was cancelled (the API already recorded that). */
  private async run(run: BenchmarkRun, workspace: BenchmarkWorkspace, signal: AbortSignal): Promise<BenchmarkResult | undefined> {
    const settings = run.settings as RequestedSettings;
    const referenceDir = referenceFolderOf(run.file);
    return this.unlessCancelled(signal, () =>
      runBenchmark(workspace.pathOf(run.file), {
        executionProvider: settings.executionProvider ?? this.config.benchmarks.executionProvider,
        batchSize: settings.batchSize,
        iterations: settings.iterations,
        warmup: settings.warmup,
        dims: settings.dims,
        inputs: settings.inputs,
        ...(workspace.has(CONFIG_FILE) ? { configPath: workspace.pathOf(CONFIG_FILE) } : {}),
        ...(workspace.has(PREPROCESSOR_CONFIG_FILE) ? { preprocessorConfigPath: workspace.pathOf(PREPROCESSOR_CONFIG_FILE) } : {}),
        ...(workspace.hasUnder(referenceDir) ? { reference: { dir: workspace.pathOf(referenceDir.slice(0, -1)) } } : {}),
        ...this.guards(settings, signal),
      }),
    );
  }

  /** A GGUF file with llama.cpp: the first part of a split model, its other parts beside it. */
  private async runGguf(run: BenchmarkRun, workspace: BenchmarkWorkspace, signal: AbortSignal): Promise<GgufBenchmarkResult | undefined> {
    const settings = run.settings as RequestedSettings;
    return this.unlessCancelled(signal, () =>
      runGgufBenchmark(workspace.pathOf(run.file), {
        backend: ggufBackend(settings, this.config),
        contextSize: settings.contextSize,
        promptTokens: settings.promptTokens,
        generateTokens: settings.generateTokens,
        threads: settings.threads,
        ...this.guards(settings, signal),
      }),
    );
  }

  /** The worker's limits, or less where the request asked for less. */
  private guards(settings: RequestedSettings, signal: AbortSignal): { timeoutMs: number; memoryLimitMb: number; signal: AbortSignal } {
    const { timeoutSeconds, memoryLimitMb } = this.config.benchmarks;
    return { timeoutMs: Math.min(settings.timeoutSeconds ?? timeoutSeconds, timeoutSeconds) * 1000, memoryLimitMb, signal };
  }

  private async unlessCancelled<R>(signal: AbortSignal, work: () => Promise<R>): Promise<R | undefined> {
    try {
      return await work();
    } catch (error) {
      if (signal.aborted) return undefined;
      throw error;
    }
  }

  /** queued → running; also takes over a run whose worker stopped beating. */
  private async claim(runId: string): Promise<boolean> {
    return this.runs.claim(runId, new Date(Date.now() - this.liveness.staleAfterMs));
  }

  private async beat(runId: string, abort: AbortController): Promise<void> {
    try {
      if (!(await this.runs.beat(runId))) abort.abort(new Error('cancelled'));
    } catch (error) {
      this.logger.warn(`heartbeat of ${runId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async formatOf(run: BenchmarkRun): Promise<string | null> {
    return (await this.runs.file(run.versionId, run.file)).format;
  }

  /** The GGUF file and, for a split model, all its parts. */
  private async ggufFilesFor(run: BenchmarkRun): Promise<WorkspaceFile[]> {
    const parts = await this.runs.files(run.versionId, ggufModelFiles(run.file));
    return parts.map((file) => ({ path: file.path, storageKey: file.blob.storageKey }));
  }

  /** The ONNX file, the external data files its scan listed, the config files, reference tensors. */
  private async filesFor(run: BenchmarkRun): Promise<WorkspaceFile[]> {
    const model = await this.runs.file(run.versionId, run.file);
    const facts = model.facts as Partial<OnnxFacts>;
    const directory = posix.dirname(run.file);
    const locations = (facts.externalData ?? []).flatMap((ref) => ref.entries.filter((entry) => entry.key === 'location'));
    // Resolved as the runtime resolves them (`./x`, `a//b`); the scan already refused anything leaving the version.
    const wanted = new Set([
      ...locations.map((entry) => posix.normalize(posix.join(directory, entry.value))),
      CONFIG_FILE,
      PREPROCESSOR_CONFIG_FILE,
    ]);
    const others = await this.runs.files(run.versionId, [...wanted]);
    const referencePrefix = referenceFolderOf(run.file);
    const references = (await this.runs.filesUnder(run.versionId, referencePrefix, MAX_TENSOR_FILE_BYTES, MAX_REFERENCE_FILES)).filter(
      (file) => REFERENCE_TENSOR.test(file.path.slice(referencePrefix.length)),
    );
    const byPath = new Map(
      [model, ...others, ...references].map((file) => [file.path, { path: file.path, storageKey: file.blob.storageKey }]),
    );
    return [...byPath.values()];
  }

  /**
   * Written once: a run cancelled (or taken over) meanwhile keeps what it has. A run whose outputs are
   * wrong (a reference mismatch is critical) did not pass its smoke test: it is failed, its metrics kept
   * in the result but not offered as the version's latency.
   */
  private async record(runId: string, result: AnyResult): Promise<void> {
    const critical = result.findings.filter((finding) => finding.severity === 'critical');
    const succeeded = result.status === 'succeeded' && critical.length === 0;
    await this.transactions.run(async (tx) => {
      const finished = await this.runs.finish(tx, runId, {
        status: succeeded ? 'succeeded' : 'failed',
        result,
        error: succeeded
          ? null
          : result.status === 'failed'
            ? `${result.error.kind}: ${result.error.message}`
            : critical.map((f) => `${f.code}: ${f.message}`).join('; '),
        logTail: result.logTail.join('\n').slice(-16_000),
        p50Ms: succeeded && result.status === 'succeeded' ? result.metrics.p50Ms : null,
        tokensPerSecond: succeeded && result.status === 'succeeded' && 'format' in result ? result.metrics.generationTokensPerSecond : null,
        executionProvider: result.executionProvider.actual,
        hardware: hardwareLabel(result),
      });
      if (finished) await recordBenchmarkFinished(tx, runId, { actor: 'worker', actorName: 'worker' });
    });
  }
}

/** `test_data_set_0/` in the model's own folder, as a path prefix inside the version. */
function referenceFolderOf(modelPath: string): string {
  const directory = posix.dirname(modelPath);
  return directory === '.' ? REFERENCE_FOLDER : `${directory}/${REFERENCE_FOLDER}`;
}

/** One line naming the device that ran it, for grouping runs by hardware. */
export function hardwareLabel(result: AnyResult): string {
  const gpu = result.hardware.gpus[0];
  if (result.executionProvider.actual === 'cpu' || result.executionProvider.actual === null) {
    return `${result.hardware.cpu.model} × ${result.hardware.cpu.cores}`;
  }
  if (gpu) return `${gpu.name} (driver ${gpu.driver})`;
  // llama.cpp names the devices its backend sees, also where nvidia-smi is absent.
  const device = 'llamaGpuDevices' in result.hardware ? result.hardware.llamaGpuDevices?.[0] : undefined;
  return device ?? `unnamed GPU (${result.executionProvider.actual})`;
}

import { posix } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Config } from '@vetted/config';
import { type BenchmarkRun, PrismaClient } from '@vetted/db';
import { type BenchmarkResult, MAX_TENSOR_FILE_BYTES, runBenchmark, type RunBenchmarkOptions } from '@vetted/inference';
import type { OnnxFacts } from '@vetted/formats';
import type { BlobStore } from '@vetted/storage';
import { BLOB_STORE, CONFIG } from '../tokens.js';
import { BenchmarkWorkspace, type WorkspaceFile } from './benchmark-workspace.js';

/** How often a running benchmark proves its worker alive, and checks whether it was cancelled. */
export const HEARTBEAT_MS = 2_000;
/** A run whose heartbeat is older than this lost its worker. */
export const STALE_AFTER_MS = 60_000;

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

/** The request fields the runner understands (the rest of settings is bookkeeping). */
type RequestedSettings = Pick<RunBenchmarkOptions, 'executionProvider' | 'batchSize' | 'iterations' | 'warmup' | 'dims' | 'inputs'> & {
  timeoutSeconds?: number;
};

/**
 * Runs one benchmark: claims the run (a run another live worker holds is left alone), copies the ONNX
 * file and what it needs into a private folder, runs it in a child process under a timeout and a
 * memory ceiling, and writes the result once. Model errors are results; only infrastructure errors
 * (database, storage) are thrown, for the queue to retry.
 */
@Injectable()
export class BenchmarkExecutor {
  private readonly logger = new Logger(BenchmarkExecutor.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    private readonly db: PrismaClient,
  ) {}

  async execute(runId: string): Promise<void> {
    if (!(await this.claim(runId))) return;
    // Beat from the claim on: copying gigabytes of weights must not look like a dead worker.
    const abort = new AbortController();
    const heartbeat = setInterval(() => void this.beat(runId, abort), HEARTBEAT_MS);
    let workspace: BenchmarkWorkspace | undefined;
    try {
      const run = await this.db.benchmarkRun.findUniqueOrThrow({ where: { id: runId } });
      workspace = await BenchmarkWorkspace.create(this.store, await this.filesFor(run));
      if (abort.signal.aborted) return; // cancelled while the files were copied
      const result = await this.run(run, workspace, abort.signal);
      if (result) await this.record(runId, result);
    } finally {
      clearInterval(heartbeat);
      await workspace?.remove();
    }
  }

  /** The runner's result, or undefined when the run was cancelled (the API already recorded that). */
  private async run(run: BenchmarkRun, workspace: BenchmarkWorkspace, signal: AbortSignal): Promise<BenchmarkResult | undefined> {
    const settings = run.settings as RequestedSettings;
    const timeoutSeconds = Math.min(
      settings.timeoutSeconds ?? this.config.benchmarks.timeoutSeconds,
      this.config.benchmarks.timeoutSeconds,
    );
    const referenceDir = referenceFolderOf(run.file);
    try {
      return await runBenchmark(workspace.pathOf(run.file), {
        executionProvider: settings.executionProvider ?? this.config.benchmarks.executionProvider,
        batchSize: settings.batchSize,
        iterations: settings.iterations,
        warmup: settings.warmup,
        dims: settings.dims,
        inputs: settings.inputs,
        ...(workspace.has(CONFIG_FILE) ? { configPath: workspace.pathOf(CONFIG_FILE) } : {}),
        ...(workspace.has(PREPROCESSOR_CONFIG_FILE) ? { preprocessorConfigPath: workspace.pathOf(PREPROCESSOR_CONFIG_FILE) } : {}),
        ...(workspace.hasUnder(referenceDir) ? { reference: { dir: workspace.pathOf(referenceDir.slice(0, -1)) } } : {}),
        timeoutMs: timeoutSeconds * 1000,
        memoryLimitMb: this.config.benchmarks.memoryLimitMb,
        signal,
      });
    } catch (error) {
      if (signal.aborted) return undefined;
      throw error;
    }
  }

  /** queued → running; also takes over a run whose worker stopped beating. */
  private async claim(runId: string): Promise<boolean> {
    const stale = new Date(Date.now() - STALE_AFTER_MS);
    const { count } = await this.db.benchmarkRun.updateMany({
      where: { id: runId, OR: [{ status: 'queued' }, { status: 'running', heartbeatAt: { lt: stale } }] },
      data: { status: 'running', startedAt: new Date(), heartbeatAt: new Date(), attempts: { increment: 1 } },
    });
    return count === 1;
  }

  private async beat(runId: string, abort: AbortController): Promise<void> {
    try {
      const { count } = await this.db.benchmarkRun.updateMany({
        where: { id: runId, status: 'running' },
        data: { heartbeatAt: new Date() },
      });
      if (count === 0) abort.abort(new Error('cancelled'));
    } catch (error) {
      this.logger.warn(`heartbeat of ${runId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The ONNX file, the external data files its scan listed, the config files, reference tensors. */
  private async filesFor(run: BenchmarkRun): Promise<WorkspaceFile[]> {
    const model = await this.db.modelFile.findUniqueOrThrow({
      where: { versionId_path: { versionId: run.versionId, path: run.file } },
      include: { blob: true },
    });
    const facts = model.facts as Partial<OnnxFacts>;
    const directory = posix.dirname(run.file);
    const locations = (facts.externalData ?? []).flatMap((ref) => ref.entries.filter((entry) => entry.key === 'location'));
    // Resolved as the runtime resolves them (`./x`, `a//b`); the scan already refused anything leaving the version.
    const wanted = new Set([
      ...locations.map((entry) => posix.normalize(posix.join(directory, entry.value))),
      CONFIG_FILE,
      PREPROCESSOR_CONFIG_FILE,
    ]);
    const others = await this.db.modelFile.findMany({
      where: { versionId: run.versionId, path: { in: [...wanted] } },
      include: { blob: true },
    });
    const referencePrefix = referenceFolderOf(run.file);
    const references = (
      await this.db.modelFile.findMany({
        where: { versionId: run.versionId, path: { startsWith: referencePrefix }, size: { lte: MAX_TENSOR_FILE_BYTES } },
        include: { blob: true },
        orderBy: { path: 'asc' },
        take: MAX_REFERENCE_FILES,
      })
    ).filter((file) => REFERENCE_TENSOR.test(file.path.slice(referencePrefix.length)));
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
  private async record(runId: string, result: BenchmarkResult): Promise<void> {
    const critical = result.findings.filter((finding) => finding.severity === 'critical');
    const succeeded = result.status === 'succeeded' && critical.length === 0;
    await this.db.benchmarkRun.updateMany({
      where: { id: runId, status: 'running' },
      data: {
        status: succeeded ? 'succeeded' : 'failed',
        result,
        error: succeeded
          ? null
          : result.status === 'failed'
            ? `${result.error.kind}: ${result.error.message}`
            : critical.map((f) => `${f.code}: ${f.message}`).join('; '),
        logTail: result.logTail.join('\n').slice(-16_000),
        p50Ms: succeeded && result.status === 'succeeded' ? result.metrics.p50Ms : null,
        executionProvider: result.executionProvider.actual,
        hardware: hardwareLabel(result),
        finishedAt: new Date(),
      },
    });
  }
}

/** `test_data_set_0/` in the model's own folder, as a path prefix inside the version. */
function referenceFolderOf(modelPath: string): string {
  const directory = posix.dirname(modelPath);
  return directory === '.' ? REFERENCE_FOLDER : `${directory}/${REFERENCE_FOLDER}`;
}

/** One line naming the device that ran it, for grouping runs by hardware. */
export function hardwareLabel(result: BenchmarkResult): string {
  const gpu = result.hardware.gpus[0];
  if (result.executionProvider.actual === 'cpu' || result.executionProvider.actual === null) {
    return `${result.hardware.cpu.model} × ${result.hardware.cpu.cores}`;
  }
  return gpu ? `${gpu.name} (driver ${gpu.driver})` : `unnamed GPU (${result.executionProvider.actual})`;
}

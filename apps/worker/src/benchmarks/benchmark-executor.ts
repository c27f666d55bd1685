import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Config } from '@vetted/config';
import { type BenchmarkRun, PrismaClient } from '@vetted/db';
import { type BenchmarkResult, runBenchmark, type RunBenchmarkOptions } from '@vetted/inference';
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
const MAX_REFERENCE_FILES = 64;

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
    const run = await this.db.benchmarkRun.findUniqueOrThrow({ where: { id: runId } });
    const workspace = await BenchmarkWorkspace.create(this.store, await this.filesFor(run));
    const abort = new AbortController();
    const heartbeat = setInterval(() => void this.beat(runId, abort), HEARTBEAT_MS);
    try {
      const settings = run.settings as RequestedSettings;
      const timeoutSeconds = Math.min(
        settings.timeoutSeconds ?? this.config.benchmarks.timeoutSeconds,
        this.config.benchmarks.timeoutSeconds,
      );
      const hasConfig = workspace.has('config.json');
      const referenceDir = run.file.slice(0, run.file.lastIndexOf('/') + 1) + REFERENCE_FOLDER;
      let result: BenchmarkResult;
      try {
        result = await runBenchmark(workspace.pathOf(run.file), {
          executionProvider: settings.executionProvider ?? this.config.benchmarks.executionProvider,
          batchSize: settings.batchSize,
          iterations: settings.iterations,
          warmup: settings.warmup,
          dims: settings.dims,
          inputs: settings.inputs,
          ...(hasConfig ? { configPath: workspace.pathOf('config.json') } : {}),
          ...(workspace.hasUnder(referenceDir) ? { reference: { dir: workspace.pathOf(referenceDir.slice(0, -1)) } } : {}),
          timeoutMs: timeoutSeconds * 1000,
          memoryLimitMb: this.config.benchmarks.memoryLimitMb,
          signal: abort.signal,
        });
      } catch (error) {
        if (abort.signal.aborted) return; // cancelled: the API already recorded it
        throw error;
      }
      await this.record(runId, result);
    } finally {
      clearInterval(heartbeat);
      await workspace.remove();
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

  /** The ONNX file, the external data files its scan listed, config.json for token-id ranges, reference tensors. */
  private async filesFor(run: BenchmarkRun): Promise<WorkspaceFile[]> {
    const model = await this.db.modelFile.findUniqueOrThrow({
      where: { versionId_path: { versionId: run.versionId, path: run.file } },
      include: { blob: true },
    });
    const facts = model.facts as Partial<OnnxFacts>;
    const directory = run.file.slice(0, run.file.lastIndexOf('/') + 1);
    const locations = (facts.externalData ?? []).flatMap((ref) => ref.entries.filter((entry) => entry.key === 'location'));
    const wanted = new Set([...locations.map((entry) => directory + entry.value), 'config.json']);
    const others = await this.db.modelFile.findMany({
      where: { versionId: run.versionId, path: { in: [...wanted] } },
      include: { blob: true },
    });
    const references = await this.db.modelFile.findMany({
      where: { versionId: run.versionId, path: { startsWith: directory + REFERENCE_FOLDER }, format: { not: 'pickle' } },
      include: { blob: true },
      orderBy: { path: 'asc' },
      take: MAX_REFERENCE_FILES,
    });
    return [model, ...others, ...references].map((file) => ({ path: file.path, storageKey: file.blob.storageKey }));
  }

  /** Written once: a run cancelled (or taken over) meanwhile keeps what it has. */
  private async record(runId: string, result: BenchmarkResult): Promise<void> {
    const succeeded = result.status === 'succeeded';
    await this.db.benchmarkRun.updateMany({
      where: { id: runId, status: 'running' },
      data: {
        status: result.status,
        result: result,
        error: succeeded ? null : `${result.error.kind}: ${result.error.message}`,
        logTail: result.logTail.join('\n').slice(-16_000),
        p50Ms: succeeded ? result.metrics.p50Ms : null,
        executionProvider: result.executionProvider.actual,
        hardware: hardwareLabel(result),
        finishedAt: new Date(),
      },
    });
  }
}

/** One line naming the device that ran it, for grouping runs by hardware. */
export function hardwareLabel(result: BenchmarkResult): string {
  const gpu = result.hardware.gpus[0];
  if (result.executionProvider.actual === 'cpu' || result.executionProvider.actual === null) {
    return `${result.hardware.cpu.model} × ${result.hardware.cpu.cores}`;
  }
  return gpu ? `${gpu.name} (driver ${gpu.driver})` : `unnamed GPU (${result.executionProvider.actual})`;
}

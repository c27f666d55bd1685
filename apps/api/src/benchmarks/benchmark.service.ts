import { Inject, Injectable } from '@nestjs/common';
import type { BenchmarkRun } from '@vetted/db';
import { decodeTimeCursor, DomainError, encodeTimeCursor } from '@vetted/domain';
import { AuditRepository } from '../audit/audit.repository.js';
import { ActorDirectory } from '../auth/actor-directory.js';
import type { Principal } from '../auth/principal.js';
import { type Page, pageFrom } from '../http/pagination.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { Transactions } from '../infra/transactions.js';
import { QueueService } from '../infra/queue.service.js';
import { seesUnapproved } from '../models/model.service.js';
import type { VersionRef } from '../models/version-ref.js';
import { createBenchmarkRun, LISTED_STATUSES, recordBenchmarkFinished, UNSAFE_SCAN_STATUSES } from '@vetted/lifecycle';
import { VersionService } from '../models/version.service.js';
import { comparablePairs } from './benchmark-comparison.js';
import { BenchmarkRepository } from './benchmark.repository.js';
import { comparedSettings, formatOf, ggufFigures, toBenchmarkView } from './benchmark.mapper.js';
import { benchmarkSettings } from './benchmark-settings.js';
import type { BenchmarkComparison, BenchmarkSummary, BenchmarkView, CompareQuery, CreateBenchmarkBody } from './benchmark.schemas.js';

const BENCHMARKABLE = ['pending_review', 'approved', 'deprecated'];
const runNotFound = (id: string) => DomainError.notFound('benchmark_not_found', `No benchmark run ${id}`);

@Injectable()
export class BenchmarkService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly runs: BenchmarkRepository,
    private readonly transactions: Transactions,
    private readonly versionService: VersionService,
    private readonly queue: QueueService,
    private readonly audit: AuditRepository,
    private readonly actors: ActorDirectory,
  ) {}

  /** Queues a run of one ONNX or GGUF file that the scan found safe to load. */
  async create(principal: Principal, ref: VersionRef, body: CreateBenchmarkBody): Promise<BenchmarkView> {
    const { version } = await this.versionService.findRow(principal, ref);
    if (!BENCHMARKABLE.includes(version.status)) {
      throw DomainError.conflict('version_not_benchmarkable', `A version that is ${version.status} is not benchmarked (submit it first)`);
    }
    if (!version.scannedAt) throw DomainError.conflict('scan_pending', 'Benchmarks run once the scan has inspected the files');
    const facts = version.facts as { benchmarkFiles?: string[] };
    const path = body.file ?? facts.benchmarkFiles?.[0];
    if (!path) throw DomainError.conflict('no_onnx_file', `Version ${ref.version} has no ONNX or GGUF file to benchmark`);
    const file = await this.runs.file(version.id, path);
    if (!file || (file.format !== 'onnx' && file.format !== 'gguf')) {
      throw DomainError.invalid([{ field: 'file', message: `"${path}" is not an ONNX or GGUF file of this version` }], 'not_an_onnx_file');
    }
    if (UNSAFE_SCAN_STATUSES.includes(file.scanStatus)) {
      throw DomainError.conflict('file_not_safe', `The scan of "${path}" found something critical: it is not loaded on the worker`);
    }
    const settings = benchmarkSettings(file.format, body, this.config.benchmarks.executionProvider);
    const run = await this.transactions.run(async (tx) => {
      const created = await createBenchmarkRun(tx, { versionId: version.id, file: path, requestedBy: principal.actor, settings }, (runId) =>
        this.queue.send(tx, 'benchmark.run', { runId }),
      );
      await this.audit.record(tx, {
        actor: principal.actor,
        action: 'benchmark.requested',
        subjectType: 'model_version',
        subjectId: `${ref.namespace}/${ref.name}@${ref.version}`,
        data: { runId: created.id, file: path },
      });
      return created;
    });
    return toBenchmarkView(run, `${ref.namespace}/${ref.name}`, ref.version, { name: principal.name, role: principal.role });
  }

  async list(principal: Principal, ref: VersionRef, page: { cursor?: string | undefined; limit: number }): Promise<Page<BenchmarkView>> {
    const { version } = await this.versionService.findVisible(principal, ref);
    const after = page.cursor ? decodeTimeCursor(page.cursor) : undefined;
    const runs = await this.runs.list(version.id, after, page.limit + 1);
    const names = await this.actors.describe(runs.map((run) => run.requestedBy));
    return pageFrom(
      runs,
      page.limit,
      (run) => toBenchmarkView(run, `${ref.namespace}/${ref.name}`, ref.version, names.get(run.requestedBy)!),
      encodeTimeCursor,
    );
  }

  async get(principal: Principal, id: string): Promise<BenchmarkView> {
    const { run, model, version } = await this.findRun(principal, id);
    return toBenchmarkView(run, model, version, await this.actors.describeOne(run.requestedBy));
  }

  /** A queued run never starts; a running one is stopped by its worker within a couple of seconds. */
  async cancel(principal: Principal, id: string): Promise<BenchmarkView> {
    const { run, model, version } = await this.findRun(principal, id);
    await this.transactions.run(async (tx) => {
      if (!(await this.runs.cancel(tx, run.id)))
        throw DomainError.conflict('benchmark_finished', `Benchmark run ${id} is already ${run.status}`);
      await this.audit.record(tx, {
        actor: principal.actor,
        action: 'benchmark.cancelled',
        subjectType: 'model_version',
        subjectId: `${model}@${version}`,
        data: { runId: run.id },
      });
      await recordBenchmarkFinished(tx, run.id, { actor: principal.actor, actorName: principal.name });
    });
    const current = (await this.runs.find(run.id))!;
    return toBenchmarkView(current, model, version, await this.actors.describeOne(current.requestedBy));
  }

  async summary(principal: Principal, ref: VersionRef): Promise<BenchmarkSummary> {
    const { version } = await this.versionService.findVisible(principal, ref);
    const runs = await this.runs.succeeded(version.id, 'p50');
    const best = new Map<string, BenchmarkRun>();
    for (const run of runs) {
      // A GGUF run's p50 is per generated token, an ONNX run's per inference: never ranked together.
      const key = `${formatOf(run)}\u0000${run.executionProvider}\u0000${run.hardware}`;
      if (!best.has(key)) best.set(key, run); // ordered by p50 ascending
    }
    return {
      version: ref.version,
      best: [...best.values()].map((run) => ({
        format: formatOf(run),
        executionProvider: run.executionProvider ?? 'unknown',
        hardware: run.hardware ?? 'unknown',
        p50Ms: run.p50Ms ?? 0,
        tokensPerSecond: run.tokensPerSecond,
        runId: run.id,
        file: run.file,
      })),
    };
  }

  async compare(principal: Principal, namespace: string, name: string, query: CompareQuery): Promise<BenchmarkComparison> {
    const [baseRuns, headRuns] = await Promise.all(
      [query.base, query.head].map(async (label) => {
        const { version } = await this.versionService.findVisible(principal, { namespace, name, version: label });
        return this.runs.succeeded(version.id, 'recent');
      }),
    );
    const pairs = comparablePairs(baseRuns!, headRuns!).map(({ base, head }): BenchmarkComparison['pairs'][number] => {
      const [before, after] = [ggufFigures(base), ggufFigures(head)];
      return {
        executionProvider: base.executionProvider ?? 'unknown',
        hardware: base.hardware ?? 'unknown',
        format: formatOf(base),
        settings: comparedSettings(base),
        base: { runId: base.id, p50Ms: base.p50Ms!, tokensPerSecond: base.tokensPerSecond, ...before },
        head: { runId: head.id, p50Ms: head.p50Ms!, tokensPerSecond: head.tokensPerSecond, ...after },
        speedup: base.p50Ms! / head.p50Ms!,
        perplexityChange: before.perplexity && after.perplexity ? after.perplexity / before.perplexity - 1 : null,
        sameCompletion: before.completionSha256 && after.completionSha256 ? before.completionSha256 === after.completionSha256 : null,
      };
    });
    return { base: query.base, head: query.head, pairs };
  }

  private async findRun(principal: Principal, id: string): Promise<{ run: BenchmarkRun; model: string; version: string }> {
    const run = await this.runs.findWithVersion(id);
    if (!run || (!seesUnapproved(principal) && !LISTED_STATUSES.includes(run.version.status))) throw runNotFound(id);
    const { version, ...row } = run;
    return { run: row, model: `${version.model.namespace}/${version.model.name}`, version: version.label };
  }
}

import { Injectable } from '@nestjs/common';
import { type BenchmarkRun, type ModelFile, Prisma, PrismaClient } from '@vetted/db';
import type { Transaction } from '../infra/transactions.js';

export type FileWithBlob = ModelFile & { blob: { storageKey: string } };

/** The benchmark runs and the version files they read, as the worker's executor and recovery see them. */
@Injectable()
export class BenchmarkRunRepository {
  constructor(private readonly db: PrismaClient) {}

  get(id: string): Promise<BenchmarkRun> {
    return this.db.benchmarkRun.findUniqueOrThrow({ where: { id } });
  }

  /** queued → running; also takes over a run whose worker stopped beating before `stale`. */
  async claim(id: string, stale: Date): Promise<boolean> {
    const { count } = await this.db.benchmarkRun.updateMany({
      where: { id, OR: [{ status: 'queued' }, { status: 'running', heartbeatAt: { lt: stale } }] },
      data: { status: 'running', startedAt: new Date(), heartbeatAt: new Date(), attempts: { increment: 1 } },
    });
    return count === 1;
  }

  /** False once the run is no longer running here (cancelled, or taken over). */
  async beat(id: string): Promise<boolean> {
    const { count } = await this.db.benchmarkRun.updateMany({ where: { id, status: 'running' }, data: { heartbeatAt: new Date() } });
    return count === 1;
  }

  /** Writes a running run's outcome once; false when it was cancelled or taken over meanwhile. */
  async finish(tx: Transaction, id: string, outcome: Prisma.BenchmarkRunUpdateManyMutationInput): Promise<boolean> {
    const { count } = await tx.benchmarkRun.updateMany({ where: { id, status: 'running' }, data: { ...outcome, finishedAt: new Date() } });
    return count === 1;
  }

  file(versionId: string, path: string): Promise<FileWithBlob> {
    return this.db.modelFile.findUniqueOrThrow({ where: { versionId_path: { versionId, path } }, include: { blob: true } });
  }

  files(versionId: string, paths: readonly string[]): Promise<FileWithBlob[]> {
    return this.db.modelFile.findMany({ where: { versionId, path: { in: [...paths] } }, include: { blob: true } });
  }

  /** Files under `prefix` no larger than `maxBytes`, by path, at most `limit`. */
  filesUnder(versionId: string, prefix: string, maxBytes: number, limit: number): Promise<FileWithBlob[]> {
    return this.db.modelFile.findMany({
      where: { versionId, path: { startsWith: prefix }, size: { lte: maxBytes } },
      include: { blob: true },
      orderBy: { path: 'asc' },
      take: limit,
    });
  }

  /** Runs left `running` by a worker whose heartbeat went stale before `stale`. */
  orphans(stale: Date): Promise<{ id: string; attempts: number }[]> {
    return this.db.benchmarkRun.findMany({
      where: { status: 'running', heartbeatAt: { lt: stale } },
      select: { id: true, attempts: true },
    });
  }

  /** An orphan back to queued, if it still is one; of all workers sweeping at once only one gets true. */
  async requeueOrphan(id: string, stale: Date): Promise<boolean> {
    const { count } = await this.db.benchmarkRun.updateMany({
      where: { id, status: 'running', heartbeatAt: { lt: stale } },
      data: { status: 'queued', heartbeatAt: null },
    });
    return count === 1;
  }

  /** An orphan that used up its attempts fails, if it still is one. */
  async failOrphan(tx: Transaction, id: string, stale: Date, error: string): Promise<boolean> {
    const { count } = await tx.benchmarkRun.updateMany({
      where: { id, status: 'running', heartbeatAt: { lt: stale } },
      data: { status: 'failed', error, finishedAt: new Date() },
    });
    return count === 1;
  }
}

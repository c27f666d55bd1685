import { Injectable } from '@nestjs/common';
import type { BenchmarkRun, ModelFile, VersionStatus } from '@vetted/db';
import type { TimeCursor } from '@vetted/domain';
import { olderThan } from '../http/pagination.js';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

export type RunWithVersion = BenchmarkRun & {
  version: { label: string; status: VersionStatus; model: { namespace: string; name: string } };
};

@Injectable()
export class BenchmarkRepository {
  constructor(private readonly db: PrismaService) {}

  file(versionId: string, path: string): Promise<ModelFile | null> {
    return this.db.modelFile.findUnique({ where: { versionId_path: { versionId, path } } });
  }

  list(versionId: string, after: TimeCursor | undefined, limit: number): Promise<BenchmarkRun[]> {
    return this.db.benchmarkRun.findMany({
      where: { versionId, ...olderThan(after) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
  }

  find(id: string): Promise<BenchmarkRun | null> {
    return this.db.benchmarkRun.findUnique({ where: { id } });
  }

  findWithVersion(id: string): Promise<RunWithVersion | null> {
    return this.db.benchmarkRun.findUnique({
      where: { id },
      include: { version: { select: { label: true, status: true, model: { select: { namespace: true, name: true } } } } },
    });
  }

  /** Queued or running → cancelled; false when it had already finished. */
  async cancel(tx: Transaction, id: string): Promise<boolean> {
    const { count } = await tx.benchmarkRun.updateMany({
      where: { id, status: { in: ['queued', 'running'] } },
      data: { status: 'cancelled', finishedAt: new Date() },
    });
    return count === 1;
  }

  succeeded(versionId: string, order: 'p50' | 'recent'): Promise<BenchmarkRun[]> {
    return this.db.benchmarkRun.findMany({
      where: { versionId, status: 'succeeded', p50Ms: { not: null } },
      orderBy: order === 'p50' ? [{ p50Ms: 'asc' }] : [{ createdAt: 'desc' }],
      take: 1000,
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { BenchmarkRun } from '@vetted/db';
import { PrismaService } from '../infra/prisma.service.js';

export type FinishedRun = Pick<BenchmarkRun, 'id' | 'file' | 'status' | 'error' | 'p50Ms' | 'executionProvider' | 'hardware'> & {
  finishedAt: Date;
};

/** What a version's history shows beside its audit trail: review comments and finished benchmark runs. */
@Injectable()
export class VersionHistoryRepository {
  constructor(private readonly db: PrismaService) {}

  /** Review id → comment. */
  async reviewComments(versionId: string): Promise<Map<string, string>> {
    const reviews = await this.db.review.findMany({ where: { versionId }, select: { id: true, comment: true } });
    return new Map(reviews.map((review) => [review.id, review.comment]));
  }

  async finishedRuns(versionId: string): Promise<FinishedRun[]> {
    const runs = await this.db.benchmarkRun.findMany({
      where: { versionId, finishedAt: { not: null } },
      select: { id: true, file: true, status: true, error: true, p50Ms: true, executionProvider: true, hardware: true, finishedAt: true },
    });
    return runs.flatMap((run) => (run.finishedAt ? [{ ...run, finishedAt: run.finishedAt }] : []));
  }
}

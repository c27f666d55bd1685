import { Injectable } from '@nestjs/common';
import type { ModelVersion } from '@vetted/db';
import { PrismaService } from '../infra/prisma.service.js';
import { DOWNLOADABLE_STATUSES } from '@vetted/lifecycle';

/** A version in the Hub's commit history: its commit and when it was approved. */
export interface HistoryVersion {
  label: string;
  status: string;
  commitSha: string | null;
  approvedAt: Date;
}

/** Versions as the Hub endpoint sees them: approved (or deprecated, when asked for explicitly) only. */
@Injectable()
export class HfRepository {
  constructor(private readonly db: PrismaService) {}

  byCommit(modelId: string, commitSha: string): Promise<ModelVersion | null> {
    return this.db.modelVersion.findFirst({
      where: { modelId, commitSha, status: { in: [...DOWNLOADABLE_STATUSES] } },
      orderBy: { createdAt: 'desc' },
    });
  }

  byLabel(modelId: string, label: string): Promise<ModelVersion | null> {
    return this.db.modelVersion.findFirst({ where: { modelId, label, status: { in: [...DOWNLOADABLE_STATUSES] } } });
  }

  /** Every downloadable version, newest first in the order `main` follows; approval time from the approving review. */
  async history(modelId: string): Promise<HistoryVersion[]> {
    const rows = await this.db.modelVersion.findMany({
      where: { modelId, status: { in: [...DOWNLOADABLE_STATUSES] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: {
        label: true,
        status: true,
        commitSha: true,
        statusChangedAt: true,
        updatedAt: true,
        reviews: { where: { decision: 'approved' }, orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true } },
      },
    });
    return rows.map(({ reviews, statusChangedAt, updatedAt, ...row }) => ({
      ...row,
      approvedAt: reviews[0]?.createdAt ?? statusChangedAt ?? updatedAt,
    }));
  }
}

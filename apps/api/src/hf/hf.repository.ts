import { Injectable } from '@nestjs/common';
import type { ModelVersion } from '@vetted/db';
import { PrismaService } from '../infra/prisma.service.js';
import { DOWNLOADABLE_STATUSES } from '@vetted/lifecycle';

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
}

import { Injectable } from '@nestjs/common';
import type { ModelVersion, VersionStatus } from '@vetted/db';
import type { TimeCursor } from '@vetted/domain';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';
import { olderThan } from '../http/pagination.js';

/** Statuses a viewer may see: approved versions, and deprecated ones (still downloadable, flagged). */
export const VISIBLE_STATUSES: VersionStatus[] = ['approved', 'deprecated'];

@Injectable()
export class VersionRepository {
  constructor(private readonly db: PrismaService) {}

  list(modelId: string, options: { visibleOnly: boolean; after?: TimeCursor | undefined; limit: number }): Promise<ModelVersion[]> {
    const after = options.after;
    return this.db.modelVersion.findMany({
      where: {
        modelId,
        ...(options.visibleOnly ? { status: { in: VISIBLE_STATUSES } } : {}),
        ...olderThan(after),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: options.limit,
    });
  }

  find(modelId: string, label: string): Promise<ModelVersion | null> {
    return this.db.modelVersion.findUnique({ where: { modelId_label: { modelId, label } } });
  }

  /** Locks the version row for the rest of the transaction, so submits, reviews and file changes never interleave. */
  async lockStatus(tx: Transaction, versionId: string): Promise<VersionStatus | undefined> {
    const rows = await tx.$queryRaw<
      { status: VersionStatus }[]
    >`SELECT status FROM model_versions WHERE id = ${versionId}::uuid FOR UPDATE`;
    return rows[0]?.status;
  }

  /** A draft an import is still filling belongs to that import until it finishes. */
  async importInProgress(versionId: string): Promise<boolean> {
    return (await this.db.importJob.count({ where: { versionId, status: { in: ['queued', 'running'] } } })) > 0;
  }

  submit(tx: Transaction, id: string, commitSha: string): Promise<ModelVersion> {
    return tx.modelVersion.update({ where: { id }, data: { status: 'pending_review', commitSha } });
  }

  create(tx: Transaction, data: { modelId: string; label: string; licenseId: string | null; createdBy: string }): Promise<ModelVersion> {
    return tx.modelVersion.create({ data });
  }
}

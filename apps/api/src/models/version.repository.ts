import { Injectable } from '@nestjs/common';
import type { ModelVersion, VersionStatus } from '@vetted/db';
import type { TimeCursor } from '@vetted/domain';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';
import { olderThan } from '../http/pagination.js';
import { DOWNLOADABLE_STATUSES, LISTED_STATUSES, lockVersionStatus } from '@vetted/lifecycle';

/** What a person did to a version's bytes; any of these bars them from approving it. */
export type Contribution = 'created' | 'uploaded' | 'deleted' | 'submitted' | 'imported';

@Injectable()
export class VersionRepository {
  constructor(private readonly db: PrismaService) {}

  list(modelId: string, options: { visibleOnly: boolean; after?: TimeCursor | undefined; limit: number }): Promise<ModelVersion[]> {
    const after = options.after;
    return this.db.modelVersion.findMany({
      where: {
        modelId,
        ...(options.visibleOnly ? { status: { in: [...LISTED_STATUSES] } } : {}),
        ...olderThan(after),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: options.limit,
    });
  }

  /** The newest approved version: what `main` on /hf and the model's license check go by. */
  latestApproved(modelId: string): Promise<ModelVersion | null> {
    return this.db.modelVersion.findFirst({ where: { modelId, status: 'approved' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  find(modelId: string, label: string): Promise<ModelVersion | null> {
    return this.db.modelVersion.findUnique({ where: { modelId_label: { modelId, label } } });
  }

  /** Locks the version row for the rest of the transaction, so submits, reviews and file changes never interleave. */
  lockStatus(tx: Transaction, versionId: string): Promise<VersionStatus | undefined> {
    return lockVersionStatus(tx, versionId);
  }

  /**
   * Locks the version row against status changes only: file writes into one draft run side by side,
   * while a submit (FOR UPDATE) waits for them and they wait for it.
   */
  async lockStatusShared(tx: Transaction, versionId: string): Promise<VersionStatus | undefined> {
    const rows = await tx.$queryRaw<{ status: VersionStatus }[]>`SELECT status FROM model_versions WHERE id = ${versionId}::uuid FOR SHARE`;
    return rows[0]?.status;
  }

  async addContributor(tx: Transaction, versionId: string, actor: string, action: Contribution): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO version_contributors (version_id, actor, action) VALUES (${versionId}::uuid, ${actor}, ${action})
      ON CONFLICT DO NOTHING`;
  }

  contributors(versionId: string, db: Transaction = this.db): Promise<{ actor: string; action: string; firstAt: Date }[]> {
    return db.versionContributor.findMany({ where: { versionId }, orderBy: [{ firstAt: 'asc' }, { action: 'asc' }] });
  }

  /** Who answers for a version: its creator, or for an import the person who started the import. */
  async ownerOf(version: Pick<ModelVersion, 'createdBy'>, db: Transaction = this.db): Promise<string> {
    const importId = /^import:(.+)$/.exec(version.createdBy)?.[1];
    if (!importId) return version.createdBy;
    const job = await db.importJob.findUnique({ where: { id: importId }, select: { createdBy: true } });
    return job?.createdBy ?? version.createdBy;
  }

  /** Removes a draft and its file rows; returns the digests its files used, for blob clean-up. */
  async deleteDraft(tx: Transaction, id: string): Promise<string[]> {
    const files = await tx.modelFile.findMany({ where: { versionId: id }, select: { sha256: true } });
    await tx.modelVersion.delete({ where: { id } });
    return [...new Set(files.map((file) => file.sha256))];
  }

  /** The newest approved (or deprecated) version created before this one: what a review diffs against. */
  previousApproved(version: Pick<ModelVersion, 'id' | 'modelId' | 'createdAt'>, db: Transaction = this.db): Promise<ModelVersion | null> {
    return db.modelVersion.findFirst({
      where: {
        modelId: version.modelId,
        id: { not: version.id },
        status: { in: [...DOWNLOADABLE_STATUSES] },
        createdAt: { lte: version.createdAt },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
  }

  /** A draft an import is still filling belongs to that import until it finishes. */
  async importInProgress(versionId: string, db: Transaction = this.db): Promise<boolean> {
    return (await db.importJob.count({ where: { versionId, status: { in: ['queued', 'running'] } } })) > 0;
  }

  create(tx: Transaction, data: { modelId: string; label: string; licenseId: string | null; createdBy: string }): Promise<ModelVersion> {
    return tx.modelVersion.create({ data });
  }
}

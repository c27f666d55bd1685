import { Injectable } from '@nestjs/common';
import {
  deleteBlobIfUnused,
  type ImportJob,
  type Model,
  type ModelFile,
  type ModelVersion,
  type NewFile,
  PrismaClient,
  putFile,
  recordBlob,
} from '@vetted/db';
import { describeActors, storedImportFiles, toStoredJson } from '@vetted/lifecycle';
import type { Transaction } from '../infra/transactions.js';
import type { FileProgress } from './import-progress.js';

export type ModelFill = Pick<Model, 'task' | 'library' | 'licenseId' | 'tags'>;

/** The rows an import reads and writes: its job, the model and draft it fills, the files and blobs it records. */
@Injectable()
export class ImportRepository {
  constructor(private readonly db: PrismaClient) {}

  find(id: string): Promise<ImportJob | null> {
    return this.db.importJob.findUnique({ where: { id } });
  }

  /** Conditional, so a cancel that lands between a read and this write is not overwritten; false when it did. */
  async markRunning(id: string): Promise<boolean> {
    const { count } = await this.db.importJob.updateMany({
      where: { id, status: { in: ['queued', 'running'] } },
      data: { status: 'running', error: null },
    });
    return count > 0;
  }

  /** The commit the revision resolved to and the files to fetch. */
  async recordPlan(id: string, commitSha: string, bytesTotal: bigint, progress: FileProgress[]): Promise<void> {
    await this.db.importJob.update({ where: { id }, data: { commitSha, bytesTotal, files: toStoredJson(storedImportFiles, progress) } });
  }

  /** Progress of a running import; false once it is no longer running (cancelled). */
  async recordProgress(id: string, bytesDone: bigint, progress: FileProgress[]): Promise<boolean> {
    const { count } = await this.db.importJob.updateMany({
      where: { id, status: 'running' },
      data: { bytesDone, files: toStoredJson(storedImportFiles, progress) },
    });
    return count > 0;
  }

  async setVersion(id: string, versionId: string): Promise<void> {
    await this.db.importJob.update({ where: { id }, data: { versionId } });
  }

  /** Ends a running import as succeeded inside the transaction that hands its version to review; false when it is not running. */
  async markSucceeded(tx: Transaction, id: string, versionId: string): Promise<boolean> {
    const { count } = await tx.importJob.updateMany({
      where: { id, status: 'running' },
      data: { status: 'succeeded', finishedAt: new Date(), versionId },
    });
    return count > 0;
  }

  /** Ends a running import as succeeded with a version imported before. */
  async markDuplicate(id: string, versionId: string): Promise<void> {
    await this.db.importJob.updateMany({
      where: { id, status: 'running' },
      data: { status: 'succeeded', versionId, finishedAt: new Date(), error: null },
    });
  }

  /** Ends a running import as failed; false when it was not running (cancelled meanwhile). */
  async markFailed(id: string, error: string): Promise<boolean> {
    const { count } = await this.db.importJob.updateMany({
      where: { id, status: 'running' },
      data: { status: 'failed', error, finishedAt: new Date() },
    });
    return count > 0;
  }

  async status(id: string): Promise<ImportJob['status'] | undefined> {
    return (await this.db.importJob.findUnique({ where: { id }, select: { status: true } }))?.status;
  }

  /** The model, created as the import's when it does not exist yet. */
  /** Creates the model an import fills unless it exists; true when this call created it. */
  async createModelIfAbsent(tx: Transaction, job: Pick<ImportJob, 'namespace' | 'name' | 'repo' | 'createdBy'>): Promise<boolean> {
    const { count } = await tx.model.createMany({
      data: [{ namespace: job.namespace, name: job.name, source: `huggingface:${job.repo}`, createdBy: job.createdBy }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  findModel(tx: Transaction, namespace: string, name: string): Promise<Model> {
    return tx.model.findUniqueOrThrow({ where: { namespace_name: { namespace, name } } });
  }

  async fillModel(tx: Transaction, id: string, fill: ModelFill): Promise<void> {
    await tx.model.update({ where: { id }, data: fill });
  }

  /** A version of the model with this commit that left draft: the commit was imported before. */
  importedBefore(modelId: string, commitSha: string): Promise<ModelVersion | null> {
    return this.db.modelVersion.findFirst({ where: { modelId, commitSha, status: { not: 'draft' } } });
  }

  findVersion(modelId: string, label: string): Promise<ModelVersion | null> {
    return this.db.modelVersion.findUnique({ where: { modelId_label: { modelId, label } } });
  }

  createDraft(modelId: string, label: string, createdBy: string): Promise<ModelVersion> {
    return this.db.modelVersion.create({ data: { modelId, label, createdBy } });
  }

  takeOverDraft(versionId: string, createdBy: string): Promise<ModelVersion> {
    return this.db.modelVersion.update({ where: { id: versionId }, data: { createdBy } });
  }

  /** A draft and the digests its files use; undefined when the version is gone. */
  async versionWithDigests(versionId: string): Promise<{ status: ModelVersion['status']; digests: Set<string> } | undefined> {
    const version = await this.db.modelVersion.findUnique({ where: { id: versionId }, include: { files: { select: { sha256: true } } } });
    return version ? { status: version.status, digests: new Set(version.files.map((file) => file.sha256)) } : undefined;
  }

  /** Deletes the version (and its file rows) only while it is a draft. */
  async deleteDraft(versionId: string): Promise<void> {
    await this.db.modelVersion.deleteMany({ where: { id: versionId, status: 'draft' } });
  }

  findFile(versionId: string, path: string): Promise<ModelFile | null> {
    return this.db.modelFile.findUnique({ where: { versionId_path: { versionId, path } } });
  }

  async blobExists(sha256: string): Promise<boolean> {
    return (await this.db.blob.findUnique({ where: { sha256 } })) !== null;
  }

  async storageKey(sha256: string): Promise<string> {
    return (await this.db.blob.findUniqueOrThrow({ where: { sha256 } })).storageKey;
  }

  recordBlob(tx: Transaction, blob: { sha256: string; size: bigint; storageKey: string }): Promise<string> {
    return recordBlob(tx, blob);
  }

  putFile(tx: Transaction, file: NewFile): ReturnType<typeof putFile> {
    return putFile(tx, file);
  }

  deleteBlobIfUnused(sha256: string): Promise<string | undefined> {
    return deleteBlobIfUnused(this.db, sha256);
  }

  async licenseExists(id: string): Promise<boolean> {
    return (await this.db.license.findUnique({ where: { id } })) !== null;
  }

  async actorName(actor: string): Promise<string> {
    return (await describeActors(this.db, [actor])).get(actor)!.name;
  }
}

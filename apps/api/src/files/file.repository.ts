import { Injectable } from '@nestjs/common';
import type { ModelFile, VersionStatus } from '@vetted/db';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

export interface NewFile {
  versionId: string;
  path: string;
  size: bigint;
  sha256: string;
  format: string;
}

@Injectable()
export class FileRepository {
  constructor(private readonly db: PrismaService) {}

  list(versionId: string, tx: Transaction = this.db): Promise<ModelFile[]> {
    return tx.modelFile.findMany({ where: { versionId }, orderBy: { path: 'asc' } });
  }

  find(versionId: string, path: string): Promise<ModelFile | null> {
    return this.db.modelFile.findUnique({ where: { versionId_path: { versionId, path } } });
  }

  async storageKey(sha256: string): Promise<string | undefined> {
    return (await this.db.blob.findUnique({ where: { sha256 }, select: { storageKey: true } }))?.storageKey;
  }

  /** Locks the version row for the rest of the transaction, so a submit cannot interleave with a file change. */
  async lockVersionStatus(tx: Transaction, versionId: string): Promise<VersionStatus | undefined> {
    const rows = await tx.$queryRaw<
      { status: VersionStatus }[]
    >`SELECT status FROM model_versions WHERE id = ${versionId}::uuid FOR UPDATE`;
    return rows[0]?.status;
  }

  async caseCollision(tx: Transaction, versionId: string, path: string): Promise<string | undefined> {
    const rows = await tx.$queryRaw<{ path: string }[]>`
      SELECT path FROM model_files WHERE version_id = ${versionId}::uuid AND lower(path) = lower(${path}) AND path <> ${path} LIMIT 1`;
    return rows[0]?.path;
  }

  /** Records a blob, or finds the one already stored with this digest; returns the key in use. */
  async recordBlob(tx: Transaction, blob: { sha256: string; size: bigint; storageKey: string }): Promise<string> {
    const rows = await tx.$queryRaw<{ storage_key: string }[]>`
      INSERT INTO blobs (sha256, size, storage_key) VALUES (${blob.sha256}, ${blob.size}, ${blob.storageKey})
      ON CONFLICT (sha256) DO UPDATE SET sha256 = EXCLUDED.sha256
      RETURNING storage_key`;
    return rows[0]!.storage_key;
  }

  /** Creates or replaces the file at this path; returns the digest it replaced, if any. */
  async putFile(tx: Transaction, file: NewFile): Promise<{ file: ModelFile; created: boolean; replaced: string | undefined }> {
    const previous = await tx.modelFile.findUnique({ where: { versionId_path: { versionId: file.versionId, path: file.path } } });
    const saved = previous
      ? await tx.modelFile.update({
          where: { id: previous.id },
          data: {
            size: file.size,
            sha256: file.sha256,
            format: file.format,
            scanStatus: 'pending',
            scanFindings: [],
            createdAt: new Date(),
          },
        })
      : await tx.modelFile.create({ data: file });
    return { file: saved, created: !previous, replaced: previous && previous.sha256 !== file.sha256 ? previous.sha256 : undefined };
  }

  async deleteFile(tx: Transaction, versionId: string, path: string): Promise<string | undefined> {
    const rows = await tx.$queryRaw<{ sha256: string }[]>`
      DELETE FROM model_files WHERE version_id = ${versionId}::uuid AND path = ${path} RETURNING sha256`;
    return rows[0]?.sha256;
  }

  /**
   * Deletes the blob row if no file uses it any more and returns its key. The foreign key from
   * model_files makes this fail rather than orphan a file that a concurrent upload just added.
   */
  async deleteBlobIfUnused(sha256: string): Promise<string | undefined> {
    const rows = await this.db.$queryRaw<{ storage_key: string }[]>`
      DELETE FROM blobs b WHERE b.sha256 = ${sha256} AND NOT EXISTS (SELECT 1 FROM model_files f WHERE f.sha256 = b.sha256)
      RETURNING storage_key`;
    return rows[0]?.storage_key;
  }
}

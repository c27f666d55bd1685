import { Injectable } from '@nestjs/common';
import { type Blob, deleteBlobIfUnused, type ModelFile, type NewFile, putFile, recordBlob } from '@vetted/db';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

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

  /** Serialises writes of one path (case-insensitively) in a version; other paths are written side by side. */
  async lockPath(tx: Transaction, versionId: string, path: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${versionId} || '/' || lower(${path}), 0))`;
  }

  async caseCollision(versionId: string, path: string, tx: Transaction = this.db): Promise<string | undefined> {
    const rows = await tx.$queryRaw<{ path: string }[]>`
      SELECT path FROM model_files WHERE version_id = ${versionId}::uuid AND lower(path) = lower(${path}) AND path <> ${path} LIMIT 1`;
    return rows[0]?.path;
  }

  recordBlob(tx: Transaction, blob: { sha256: string; size: bigint; storageKey: string }): Promise<string> {
    return recordBlob(tx, blob);
  }

  putFile(tx: Transaction, file: NewFile): ReturnType<typeof putFile> {
    return putFile(tx, file);
  }

  async deleteFile(tx: Transaction, versionId: string, path: string): Promise<string | undefined> {
    const rows = await tx.$queryRaw<{ sha256: string }[]>`
      DELETE FROM model_files WHERE version_id = ${versionId}::uuid AND path = ${path} RETURNING sha256`;
    return rows[0]?.sha256;
  }

  /** Recorded blobs in digest order, `limit` at a time after `after`. */
  blobsAfter(after: string, limit: number): Promise<Blob[]> {
    return this.db.blob.findMany({ where: { sha256: { gt: after } }, orderBy: { sha256: 'asc' }, take: limit });
  }

  deleteBlobIfUnused(sha256: string): Promise<string | undefined> {
    return deleteBlobIfUnused(this.db, sha256);
  }
}

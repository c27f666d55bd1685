import type { ModelFile, Prisma } from './generated/prisma/client.js';

type Db = Prisma.TransactionClient;

export interface NewFile {
  versionId: string;
  path: string;
  size: bigint;
  sha256: string;
  format: string;
}

/**
 * Records a stored object as the blob for its digest, or finds the blob already recorded; returns the
 * storage key in use. Callers delete their own object when it is not the one in use (stored once).
 */
export async function recordBlob(db: Db, blob: { sha256: string; size: bigint; storageKey: string }): Promise<string> {
  const rows = await db.$queryRaw<{ storage_key: string }[]>`
    INSERT INTO blobs (sha256, size, storage_key) VALUES (${blob.sha256}, ${blob.size}, ${blob.storageKey})
    ON CONFLICT (sha256) DO UPDATE SET sha256 = EXCLUDED.sha256
    RETURNING storage_key`;
  return rows[0]!.storage_key;
}

/** Creates or replaces the file at this path of a version; returns the digest it replaced, if any. */
export async function putFile(db: Db, file: NewFile): Promise<{ file: ModelFile; created: boolean; replaced: string | undefined }> {
  const previous = await db.modelFile.findUnique({ where: { versionId_path: { versionId: file.versionId, path: file.path } } });
  const saved = previous
    ? await db.modelFile.update({
        where: { id: previous.id },
        data: { size: file.size, sha256: file.sha256, format: file.format, scanStatus: 'pending', scanFindings: [], createdAt: new Date() },
      })
    : await db.modelFile.create({ data: file });
  return { file: saved, created: !previous, replaced: previous && previous.sha256 !== file.sha256 ? previous.sha256 : undefined };
}

/**
 * Deletes the blob row if no file uses it any more and returns its storage key (the caller deletes the
 * object). The foreign key from model_files makes this fail rather than orphan a file added concurrently.
 */
export async function deleteBlobIfUnused(db: Db, sha256: string): Promise<string | undefined> {
  const rows = await db.$queryRaw<{ storage_key: string }[]>`
    DELETE FROM blobs b WHERE b.sha256 = ${sha256} AND NOT EXISTS (SELECT 1 FROM model_files f WHERE f.sha256 = b.sha256)
    RETURNING storage_key`;
  return rows[0]?.storage_key;
}

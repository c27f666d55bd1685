import { Injectable } from '@nestjs/common';
import type { TrustedKey, VersionSignature, VersionStatus } from '@vetted/db';
import type { ManifestFile } from '@vetted/signing';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

export interface NewSignature {
  versionId: string;
  status: VersionStatus;
  keyFingerprint: string;
  bundle: string;
}

@Injectable()
export class SignatureRepository {
  constructor(private readonly db: PrismaService) {}

  async create(tx: Transaction, data: NewSignature): Promise<void> {
    await tx.versionSignature.create({ data });
  }

  /** The newest signature of the version, of the approval or of any later status change. */
  latest(versionId: string, kind: 'approval' | 'status'): Promise<VersionSignature | null> {
    return this.db.versionSignature.findFirst({
      where: { versionId, status: kind === 'approval' ? 'approved' : { in: ['deprecated', 'revoked'] } },
      orderBy: { createdAt: 'desc' },
    });
  }

  /** The version's files as the signature lists them. */
  async manifestFiles(tx: Transaction, versionId: string): Promise<ManifestFile[]> {
    const files = await tx.modelFile.findMany({ where: { versionId }, select: { path: true, size: true, sha256: true } });
    return files.map((file) => ({ path: file.path, size: Number(file.size), sha256: file.sha256 }));
  }

  trustedKeys(): Promise<TrustedKey[]> {
    return this.db.trustedKey.findMany({ orderBy: { createdAt: 'asc' } });
  }

  createTrustedKey(tx: Transaction, data: Pick<TrustedKey, 'name' | 'pem' | 'fingerprint' | 'createdBy'>): Promise<TrustedKey> {
    return tx.trustedKey.create({ data });
  }

  async deleteTrustedKey(tx: Transaction, id: string): Promise<TrustedKey | null> {
    const key = await tx.trustedKey.findUnique({ where: { id } });
    if (key) await tx.trustedKey.delete({ where: { id } });
    return key;
  }
}

import { Injectable } from '@nestjs/common';
import type { ModelFile } from '@vetted/db';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

export type ScannedFile = Pick<ModelFile, 'path' | 'format' | 'scanStatus' | 'scanFindings' | 'facts'>;

@Injectable()
export class ScanRepository {
  constructor(private readonly db: PrismaService) {}

  /** Each file's scan results, by path. */
  files(versionId: string): Promise<ScannedFile[]> {
    return this.db.modelFile.findMany({
      where: { versionId },
      orderBy: { path: 'asc' },
      select: { path: true, format: true, scanStatus: true, scanFindings: true, facts: true },
    });
  }

  /** Every file back to pending and the version unscanned, with the time of the request that supersedes any scan running. */
  async requestRescan(tx: Transaction, versionId: string): Promise<void> {
    await tx.modelFile.updateMany({ where: { versionId }, data: { scanStatus: 'pending' } });
    await tx.modelVersion.update({ where: { id: versionId }, data: { scannedAt: null, scanRequestedAt: new Date() } });
  }
}

import { Injectable } from '@nestjs/common';
import type { License, ModelVersion, VersionOrigin } from '@vetted/db';
import { storedFacts, storedFindings } from '@vetted/lifecycle';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';
import { parseCard, type VersionSnapshot } from './version-snapshot.js';

/** Reads what a review looks at, inside the caller's transaction (if any) so the evidence matches the decision. */
@Injectable()
export class EvidenceRepository {
  constructor(private readonly db: PrismaService) {}

  async snapshot(version: ModelVersion, licenseId: string | null, db: Transaction = this.db): Promise<VersionSnapshot> {
    const files = await db.modelFile.findMany({
      where: { versionId: version.id },
      select: { path: true, size: true, sha256: true, scanStatus: true, scanFindings: true },
      orderBy: { path: 'asc' },
    });
    const runs = await db.benchmarkRun.findMany({ where: { versionId: version.id }, orderBy: { createdAt: 'asc' }, take: 500 });
    return {
      label: version.label,
      licenseId,
      commitSha: version.commitSha,
      facts: storedFacts.parse(version.facts),
      card: parseCard(version.card),
      files: files.map((file) => ({
        path: file.path,
        size: Number(file.size),
        sha256: file.sha256,
        scanStatus: file.scanStatus,
        findings: storedFindings.parse(file.scanFindings),
      })),
      runs,
    };
  }

  /** Where an imported version came from, or null for one made here. */
  origin(versionId: string, db: Transaction = this.db): Promise<VersionOrigin | null> {
    return db.versionOrigin.findUnique({ where: { versionId } });
  }

  license(id: string, db: Transaction = this.db): Promise<Pick<License, 'id' | 'terms'> | null> {
    return db.license.findUnique({ where: { id }, select: { id: true, terms: true } });
  }
}

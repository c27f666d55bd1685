import { Injectable } from '@nestjs/common';
import { type BundleExport, type Prisma, putFile, recordBlob, type VersionOrigin } from '@vetted/db';
import type { VersionRecord } from '@vetted/bundles';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

export interface LandedVersion {
  record: VersionRecord;
  licenseId: string | null;
  createdBy: string;
}

@Injectable()
export class BundleRepository {
  constructor(private readonly db: PrismaService) {}

  /** The label of the approved, signed version with this label, or of the model's latest approved one when no label is given. */
  async approvedSignedLabel(namespace: string, name: string, label: string | undefined): Promise<string | undefined> {
    const version = await this.db.modelVersion.findFirst({
      where: { status: 'approved', label, model: { namespace, name }, signatures: { some: { status: 'approved' } } },
      orderBy: [{ statusChangedAt: 'desc' }, { createdAt: 'desc' }],
      select: { label: true },
    });
    return version?.label;
  }

  createExport(tx: Transaction, data: { versions: string[]; createdBy: string; signer: string }): Promise<BundleExport> {
    return tx.bundleExport.create({ data });
  }

  findExport(id: string): Promise<BundleExport | null> {
    return this.db.bundleExport.findUnique({ where: { id } });
  }

  /** The deleted row, or null when there was none. */
  deleteExport(id: string): Promise<BundleExport | null> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.bundleExport.findUnique({ where: { id } });
      const { count } = await tx.bundleExport.deleteMany({ where: { id } });
      return count === 1 ? row : null;
    });
  }

  /** The files (path and digest) of the version with this address, or undefined when there is none. */
  async existingFiles(tx: Transaction, namespace: string, name: string, label: string): Promise<Map<string, string> | undefined> {
    const version = await tx.modelVersion.findFirst({ where: { label, model: { namespace, name } }, include: { files: true } });
    return version ? new Map(version.files.map((file) => [file.path, file.sha256])) : undefined;
  }

  async knownLicense(tx: Transaction, id: string): Promise<boolean> {
    return (await tx.license.count({ where: { id } })) > 0;
  }

  recordBlob(tx: Transaction, blob: { sha256: string; size: number; storageKey: string }): Promise<string> {
    return recordBlob(tx, { ...blob, size: BigInt(blob.size) });
  }

  /** Creates the model when missing and the version as a draft with its files, waiting for this site's scan. */
  async createDraft(tx: Transaction, landed: LandedVersion): Promise<string> {
    const { record } = landed;
    const [namespace, name] = record.model.split('/') as [string, string];
    const model = await tx.model.upsert({
      where: { namespace_name: { namespace, name } },
      update: {},
      create: { namespace, name, ...record.modelInfo, licenseId: landed.licenseId, source: 'bundle', createdBy: landed.createdBy },
    });
    const version = await tx.modelVersion.create({
      data: {
        modelId: model.id,
        label: record.version,
        commitSha: record.commitSha,
        licenseId: landed.licenseId,
        card: asJson(record.card) ?? undefined,
        facts: asJson(record.facts) ?? {},
        scanRequestedAt: new Date(),
        createdBy: landed.createdBy,
      },
    });
    // Files land unscanned: this site's own scan writes their results; the source site's stay in the origin evidence.
    for (const file of record.files) {
      await putFile(tx, {
        versionId: version.id,
        path: file.path,
        size: BigInt(file.size),
        sha256: file.sha256,
        format: file.format ?? 'other',
      });
    }
    return version.id;
  }

  async createOrigin(tx: Transaction, origin: Omit<VersionOrigin, 'importedAt' | 'evidence'> & { evidence: VersionRecord }): Promise<void> {
    await tx.versionOrigin.create({ data: { ...origin, evidence: asJson(origin.evidence) ?? {} } });
  }

  async createSourceReview(
    tx: Transaction,
    review: { versionId: string; reviewer: string; comment: string; evidence: object },
  ): Promise<void> {
    await tx.review.create({ data: { ...review, decision: 'approved', evidence: asJson(review.evidence) ?? {} } });
  }

  /** Where the version came from, with its files' scan results here. */
  origin(namespace: string, name: string, label: string) {
    return this.db.versionOrigin.findFirst({
      where: { version: { label, model: { namespace, name } } },
      include: {
        version: { select: { files: { select: { path: true, scanStatus: true, scanFindings: true }, orderBy: { path: 'asc' } } } },
      },
    });
  }
}

/** Bundle JSON was parsed from JSON text, so it is JSON; null stays absent. */
function asJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === null || value === undefined ? undefined : value;
}

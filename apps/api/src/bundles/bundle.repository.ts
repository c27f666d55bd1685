import { Injectable } from '@nestjs/common';
import { type BundleExport, type Prisma, putFile, recordBlob, type VersionOrigin } from '@vetted/db';
import type { VersionRecord } from '@vetted/bundles';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';

const EXPORTED_VERSION = {
  model: { include: { license: true } },
  license: true,
  files: { orderBy: { path: 'asc' } },
  reviews: { orderBy: { createdAt: 'asc' } },
  benchmarks: { where: { status: 'succeeded' }, orderBy: { createdAt: 'asc' } },
  signatures: { where: { status: 'approved' }, orderBy: { createdAt: 'desc' }, take: 1 },
} satisfies Prisma.ModelVersionInclude;

export type ExportedVersionRow = Prisma.ModelVersionGetPayload<{ include: typeof EXPORTED_VERSION }>;

export interface LandedVersion {
  record: VersionRecord;
  licenseId: string | null;
  createdBy: string;
}

@Injectable()
export class BundleRepository {
  constructor(private readonly db: PrismaService) {}

  /** The approved version with this label, or the model's latest approved one when no label is given. */
  approvedVersion(namespace: string, name: string, label: string | undefined): Promise<ExportedVersionRow | null> {
    return this.db.modelVersion.findFirst({
      where: { status: 'approved', label, model: { namespace, name } },
      orderBy: [{ statusChangedAt: 'desc' }, { createdAt: 'desc' }],
      include: EXPORTED_VERSION,
    });
  }

  async blobKey(sha256: string): Promise<string | undefined> {
    return (await this.db.blob.findUnique({ where: { sha256 } }))?.storageKey;
  }

  createExport(data: { versions: string[]; createdBy: string }): Promise<BundleExport> {
    return this.db.bundleExport.create({ data });
  }

  finishExport(id: string, outcome: { size: bigint } | { error: string }): Promise<BundleExport> {
    const data = 'size' in outcome ? { status: 'succeeded', size: outcome.size } : { status: 'failed', error: outcome.error };
    return this.db.bundleExport.update({ where: { id }, data: { ...data, finishedAt: new Date() } });
  }

  findExport(id: string): Promise<BundleExport | null> {
    return this.db.bundleExport.findUnique({ where: { id } });
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

  /** Creates the model when missing and the version as a draft with its files and their scan results. */
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
        scannedAt: new Date(),
        createdBy: landed.createdBy,
      },
    });
    for (const file of record.files) {
      const { file: saved } = await putFile(tx, {
        versionId: version.id,
        path: file.path,
        size: BigInt(file.size),
        sha256: file.sha256,
        format: file.format ?? 'other',
      });
      await tx.modelFile.update({
        where: { id: saved.id },
        data: { scanStatus: file.scanStatus, scanFindings: asJson(file.scanFindings) ?? [], facts: asJson(file.facts) ?? {} },
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

  origin(namespace: string, name: string, label: string): Promise<VersionOrigin | null> {
    return this.db.versionOrigin.findFirst({ where: { version: { label, model: { namespace, name } } } });
  }
}

/** Bundle JSON was parsed from JSON text, so it is JSON; null stays absent. */
function asJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === null || value === undefined ? undefined : value;
}

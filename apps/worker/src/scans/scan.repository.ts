import { Injectable } from '@nestjs/common';
import { type Blob, type ModelFile, type ModelVersion, Prisma, PrismaClient } from '@vetted/db';
import type { FileScan, Finding } from '@vetted/formats';
import { storedFacts, storedFindings, type StoredCard, storedCard, toStoredJson } from '@vetted/lifecycle';
import type { Transaction } from '../infra/transactions.js';
import type { ModelDefaults } from './card-effects.js';
import { SCANNABLE } from './scannable.js';

/** A version as a scan reads it: its files with their blobs, and its model as the publisher declared it. */
export type ScanTarget = ModelVersion & {
  files: (ModelFile & { blob: Blob })[];
  model: {
    id: string;
    namespace: string;
    name: string;
    task: string | null;
    library: string | null;
    tags: string[];
    licenseId: string | null;
  };
};

/** What must still hold for a scan to be ended: its heartbeat went stale, or no newer scan was requested. */
export interface EndCondition {
  heartbeatBefore?: Date;
  requestedAt?: Date | null;
}

export interface VersionResults {
  facts: Record<string, unknown>;
  parameters: bigint | null;
  card?: StoredCard | undefined;
}

/** A scan in flight has no scannedAt and a heartbeat; one older than `staleBefore` lost its worker. */
const orphanedBefore = (staleBefore: Date) => ({ scannedAt: null, status: { in: SCANNABLE }, scanHeartbeatAt: { lt: staleBefore } });

@Injectable()
export class ScanRepository {
  constructor(private readonly db: PrismaClient) {}

  target(versionId: string): Promise<ScanTarget | null> {
    return this.db.modelVersion.findUnique({
      where: { id: versionId },
      include: {
        files: { include: { blob: true }, orderBy: { path: 'asc' } },
        model: { select: { id: true, namespace: true, name: true, task: true, library: true, tags: true, licenseId: true } },
      },
    });
  }

  /** The heartbeat starts and the attempt is counted. */
  async startHeartbeat(versionId: string): Promise<void> {
    await this.db.modelVersion.updateMany({
      where: { id: versionId },
      data: { scanHeartbeatAt: new Date(), scanAttempts: { increment: 1 } },
    });
  }

  async beat(versionId: string): Promise<void> {
    await this.db.modelVersion.updateMany({ where: { id: versionId, scannedAt: null }, data: { scanHeartbeatAt: new Date() } });
  }

  /** The heartbeat stops and the attempt no longer counts. */
  async releaseHeartbeat(versionId: string): Promise<void> {
    await this.db.modelVersion.updateMany({
      where: { id: versionId, scanAttempts: { gt: 0 } },
      data: { scanHeartbeatAt: null, scanAttempts: { decrement: 1 } },
    });
  }

  orphans(staleBefore: Date): Promise<{ id: string; scanAttempts: number }[]> {
    return this.db.modelVersion.findMany({ where: orphanedBefore(staleBefore), select: { id: true, scanAttempts: true } });
  }

  /** Clears an orphan's heartbeat; true for the one caller that did, of all workers sweeping at once. */
  async claimOrphan(tx: Transaction, versionId: string, staleBefore: Date): Promise<boolean> {
    const { count } = await tx.modelVersion.updateMany({
      where: { id: versionId, ...orphanedBefore(staleBefore) },
      data: { scanHeartbeatAt: null },
    });
    return count === 1;
  }

  /** Marks a scan still unfinished (and meeting `onlyIf`) as ended; false when there was none. */
  async endUnfinished(tx: Transaction, versionId: string, onlyIf: EndCondition): Promise<boolean> {
    const { count } = await tx.modelVersion.updateMany({
      where: {
        ...(onlyIf.heartbeatBefore ? { scanHeartbeatAt: { lt: onlyIf.heartbeatBefore } } : {}),
        ...(onlyIf.requestedAt !== undefined ? { scanRequestedAt: onlyIf.requestedAt } : {}),
        id: versionId,
        scannedAt: null,
        status: { in: SCANNABLE },
      },
      data: { scannedAt: new Date(), scanHeartbeatAt: null, scanAttempts: 0 },
    });
    return count > 0;
  }

  /** Every file of the version gets `error` and this one finding; returns how many files there are. */
  async markFilesError(tx: Transaction, versionId: string, finding: Finding): Promise<number> {
    const { count } = await tx.modelFile.updateMany({
      where: { versionId },
      data: { scanStatus: 'error', scanFindings: toStoredJson(storedFindings, [finding]) },
    });
    return count;
  }

  subject(tx: Transaction, versionId: string): Promise<{ label: string; model: { namespace: string; name: string } }> {
    return tx.modelVersion.findUniqueOrThrow({
      where: { id: versionId },
      select: { label: true, model: { select: { namespace: true, name: true } } },
    });
  }

  /** Writes a version's results unless a re-scan was requested after `requestedAt`; false when one was. */
  async writeVersionResults(tx: Transaction, versionId: string, requestedAt: Date | null, results: VersionResults): Promise<boolean> {
    const { count } = await tx.modelVersion.updateMany({
      where: { id: versionId, scanRequestedAt: requestedAt },
      data: {
        facts: toStoredJson(storedFacts, results.facts),
        parameters: results.parameters,
        scannedAt: new Date(),
        scanHeartbeatAt: null,
        scanAttempts: 0,
        ...(results.card ? { card: toStoredJson(storedCard, results.card) } : {}),
      },
    });
    return count > 0;
  }

  async writeFileResult(tx: Transaction, versionId: string, file: FileScan): Promise<void> {
    await tx.modelFile.update({
      where: { versionId_path: { versionId, path: file.path } },
      data: {
        scanStatus: file.status,
        scanFindings: toStoredJson(storedFindings, file.findings),
        facts: toStoredJson(storedFacts, file.facts),
      },
    });
  }

  /** Each field only where it is still empty, so a publisher's edit made meanwhile wins. */
  async fillModelDefaults(tx: Transaction, modelId: string, defaults: ModelDefaults): Promise<void> {
    const { task, library, tags, licenseId } = defaults;
    if (task) await tx.model.updateMany({ where: { id: modelId, task: null }, data: { task } });
    if (library) await tx.model.updateMany({ where: { id: modelId, library: null }, data: { library } });
    if (tags) await tx.model.updateMany({ where: { id: modelId, tags: { isEmpty: true } }, data: { tags } });
    if (licenseId) {
      await tx.model.updateMany({ where: { id: modelId, OR: [{ licenseId: null }, { licenseId: 'unknown' }] }, data: { licenseId } });
    }
  }

  async hasAutoRun(tx: Transaction, versionId: string, file: string): Promise<boolean> {
    return (await tx.benchmarkRun.findFirst({ where: { versionId, file, requestedBy: 'auto' } })) !== null;
  }

  async licenseInCatalog(id: string): Promise<boolean> {
    return (await this.db.license.count({ where: { id } })) > 0;
  }

  /** The card of the model's latest version created before `before` that has one. */
  previousCard(modelId: string, before: Date): Promise<{ label: string; card: unknown } | null> {
    return this.db.modelVersion.findFirst({
      where: { modelId, createdAt: { lt: before }, card: { not: Prisma.AnyNull } },
      orderBy: { createdAt: 'desc' },
      select: { label: true, card: true },
    });
  }

  /** The organisation's trusted signing keys (PEM), for checking a carried model.sig. */
  trustedKeys(): Promise<{ name: string; pem: string }[]> {
    return this.db.trustedKey.findMany({ select: { name: true, pem: true }, orderBy: { createdAt: 'asc' } });
  }
}

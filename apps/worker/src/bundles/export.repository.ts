import { Injectable } from '@nestjs/common';
import { type BundleExport, type Prisma, PrismaClient } from '@vetted/db';
import type { Transaction } from '../infra/transactions.js';

const EXPORTED_VERSION = {
  model: { include: { license: true } },
  license: true,
  files: { orderBy: { path: 'asc' } },
  reviews: { orderBy: { createdAt: 'asc' } },
  benchmarks: { where: { status: 'succeeded' }, orderBy: { createdAt: 'asc' } },
  signatures: { where: { status: 'approved' }, orderBy: { createdAt: 'desc' }, take: 1 },
} satisfies Prisma.ModelVersionInclude;

export type ExportedVersionRow = Prisma.ModelVersionGetPayload<{ include: typeof EXPORTED_VERSION }>;

/** A running export, as its worker holds it: the attempt number tells a taken-over attempt it is no longer the one. */
export interface ClaimedExport {
  row: BundleExport;
  attempt: number;
}

/** Export rows and what an export reads, for the worker's exporter and sweeper. */
@Injectable()
export class ExportRepository {
  constructor(private readonly db: PrismaClient) {}

  /** queued → running; also takes over an export whose worker stopped beating before `stale`. */
  async claim(id: string, stale: Date): Promise<ClaimedExport | undefined> {
    const { count } = await this.db.bundleExport.updateMany({
      where: { id, OR: [{ status: 'queued' }, { status: 'running', heartbeatAt: { lt: stale } }] },
      data: { status: 'running', heartbeatAt: new Date(), attempts: { increment: 1 } },
    });
    if (count === 0) return undefined;
    const row = await this.db.bundleExport.findUniqueOrThrow({ where: { id } });
    return { row, attempt: row.attempts };
  }

  async beat(id: string, attempt: number): Promise<void> {
    await this.db.bundleExport.updateMany({ where: { id, status: 'running', attempts: attempt }, data: { heartbeatAt: new Date() } });
  }

  /** Records this attempt's outcome; false when it no longer holds the export (taken over or deleted). */
  async finish(
    id: string,
    attempt: number,
    outcome: { storageKey: string; size: number; keepForMs: number } | { error: string } | { requeued: true },
  ): Promise<boolean> {
    const now = new Date();
    const data: Prisma.BundleExportUpdateManyMutationInput =
      'storageKey' in outcome
        ? {
            status: 'succeeded',
            storageKey: outcome.storageKey,
            size: BigInt(outcome.size),
            finishedAt: now,
            expiresAt: new Date(now.getTime() + outcome.keepForMs),
          }
        : 'error' in outcome
          ? { status: 'failed', error: outcome.error, finishedAt: now }
          : { status: 'queued' };
    const { count } = await this.db.bundleExport.updateMany({
      where: { id, status: 'running', attempts: attempt },
      data: { ...data, heartbeatAt: null },
    });
    return count === 1;
  }

  /** The approved version with this label and its latest approval signature, or null when it is no longer approved. */
  approvedVersion(namespace: string, name: string, label: string): Promise<ExportedVersionRow | null> {
    return this.db.modelVersion.findFirst({ where: { status: 'approved', label, model: { namespace, name } }, include: EXPORTED_VERSION });
  }

  async blobKey(sha256: string): Promise<string | undefined> {
    return (await this.db.blob.findUnique({ where: { sha256 } }))?.storageKey;
  }

  /** Exports left `running` by a worker whose heartbeat went stale before `stale`. */
  orphans(stale: Date): Promise<{ id: string; attempts: number }[]> {
    return this.db.bundleExport.findMany({
      where: { status: 'running', heartbeatAt: { lt: stale } },
      select: { id: true, attempts: true },
    });
  }

  /** An orphan back to queued, if it still is one; of all workers sweeping at once only one gets true. */
  async requeueOrphan(tx: Transaction, id: string, stale: Date): Promise<boolean> {
    const { count } = await tx.bundleExport.updateMany({
      where: { id, status: 'running', heartbeatAt: { lt: stale } },
      data: { status: 'queued', heartbeatAt: null },
    });
    return count === 1;
  }

  /** An orphan that used up its attempts fails, if it still is one. */
  async failOrphan(id: string, stale: Date, error: string): Promise<boolean> {
    const { count } = await this.db.bundleExport.updateMany({
      where: { id, status: 'running', heartbeatAt: { lt: stale } },
      data: { status: 'failed', error, heartbeatAt: null, finishedAt: new Date() },
    });
    return count === 1;
  }

  /** Succeeded exports whose retention ended before `now` become expired: no download starts after this. */
  async expire(now: Date): Promise<number> {
    const { count } = await this.db.bundleExport.updateMany({
      where: { status: 'succeeded', expiresAt: { lt: now } },
      data: { status: 'expired' },
    });
    return count;
  }

  /** Expired exports whose tar is still in the store (a delete that failed is tried again next sweep). */
  async expiredWithTar(): Promise<{ id: string; storageKey: string }[]> {
    const rows = await this.db.bundleExport.findMany({
      where: { status: 'expired', storageKey: { not: null } },
      select: { id: true, storageKey: true },
    });
    return rows.flatMap(({ id, storageKey }) => (storageKey ? [{ id, storageKey }] : []));
  }

  async forgetTar(id: string): Promise<void> {
    await this.db.bundleExport.update({ where: { id }, data: { storageKey: null } });
  }
}

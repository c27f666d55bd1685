import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@vetted/config';
import { type Prisma, PrismaClient } from '@vetted/db';
import { scanVersion, type VersionScan } from '@vetted/formats';
import { JobQueue, transactionExecutor } from '@vetted/queue';
import type { BlobStore } from '@vetted/storage';
import { BLOB_STORE, CONFIG } from '../tokens.js';
import { blobByteSource } from './blob-byte-source.js';

/** One row per file is written in one transaction: a version of thousands of files needs more than Prisma's 5 s. */
const SCAN_WRITE_TIMEOUT = { timeout: 120_000, maxWait: 10_000 };

/** Versions in these states were frozen by a submit or an import and wait for (or passed) review. */
const SCANNABLE = ['pending_review', 'approved', 'rejected', 'deprecated'] as const;

/**
 * Inspects every file of a version from its stored bytes (headers only, never loading or unpickling
 * anything), records per-file status, findings and facts, the version's facts for the catalog, and
 * queues the automatic benchmarks of its main ONNX files. Approval waits for this.
 */
@Injectable()
export class VersionScanner {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    private readonly db: PrismaClient,
    private readonly queue: JobQueue,
  ) {}

  /** The scan written, or undefined when there was nothing to scan or a newer scan was requested meanwhile. */
  async scan(versionId: string): Promise<VersionScan | undefined> {
    const version = await this.db.modelVersion.findUnique({
      where: { id: versionId },
      include: { files: { include: { blob: true }, orderBy: { path: 'asc' } }, model: { select: { namespace: true, name: true } } },
    });
    if (!version || !(SCANNABLE as readonly string[]).includes(version.status)) return undefined;

    const result = await scanVersion(
      version.files.map((file) => ({
        path: file.path,
        size: Number(file.size),
        source: blobByteSource(this.store, file.blob.storageKey, Number(file.blob.size)),
      })),
    );

    const previousFacts = (version.facts ?? {}) as Record<string, unknown>;
    const written = await this.db.$transaction(async (tx) => {
      // A re-scan requested since this scan began makes its results stale: the newer job writes instead.
      const { count } = await tx.modelVersion.updateMany({
        where: { id: versionId, scanRequestedAt: version.scanRequestedAt },
        data: {
          facts: { ...previousFacts, ...result.facts } as unknown as Prisma.InputJsonValue,
          parameters: result.facts.parameters === undefined ? null : BigInt(result.facts.parameters),
          scannedAt: new Date(),
        },
      });
      if (count === 0) return false;
      for (const file of result.files) {
        await tx.modelFile.update({
          where: { versionId_path: { versionId, path: file.path } },
          data: {
            scanStatus: file.status,
            scanFindings: file.findings as unknown as Prisma.InputJsonValue,
            facts: file.facts as unknown as Prisma.InputJsonValue,
          },
        });
      }
      await tx.auditEvent.create({
        data: {
          actor: 'worker',
          action: 'version.scanned',
          subjectType: 'model_version',
          subjectId: `${version.model.namespace}/${version.model.name}@${version.label}`,
          data: { statuses: countStatuses(result), findings: result.files.reduce((sum, f) => sum + f.findings.length, 0) },
        },
      });
      if (this.config.benchmarks.auto) await this.queueBenchmarks(tx, versionId, result);
      return true;
    }, SCAN_WRITE_TIMEOUT);
    return written ? result : undefined;
  }

  /** One automatic run per main ONNX file, never for a file with a critical finding, never twice. */
  private async queueBenchmarks(tx: Prisma.TransactionClient, versionId: string, result: VersionScan): Promise<void> {
    for (const path of result.benchmarkCandidates) {
      if (result.files.find((file) => file.path === path)?.status === 'critical') continue;
      const existing = await tx.benchmarkRun.findFirst({ where: { versionId, file: path, requestedBy: 'auto' } });
      if (existing) continue;
      const run = await tx.benchmarkRun.create({
        data: { versionId, file: path, requestedBy: 'auto', settings: { executionProvider: this.config.benchmarks.executionProvider } },
      });
      await this.queue.send('benchmark.run', { runId: run.id }, transactionExecutor(tx));
    }
  }
}

function countStatuses(result: VersionScan): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of result.files) counts[file.status] = (counts[file.status] ?? 0) + 1;
  return counts;
}

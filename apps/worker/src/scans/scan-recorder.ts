import type { Config } from '@vetted/config';
import type { Prisma, PrismaClient } from '@vetted/db';
import { type Finding, SCAN_FACT_KEYS, type VersionScan } from '@vetted/formats';
import { type JobQueue, transactionExecutor } from '@vetted/queue';
import { autoBenchmarkFiles } from './auto-benchmark-files.js';
import { describeWriteError, isPermanentWriteError } from './database-error.js';
import { endScanWithError } from './scan-error-ending.js';
import { recordScanned, subjectOf } from './scan-event.js';
import type { CardUpdate } from './version-card.js';

/** One row per file is written in one transaction: a version of thousands of files needs more than Prisma's 5 s. */
const SCAN_WRITE_TIMEOUT = { timeout: 120_000, maxWait: 10_000 };

/** The version as it was when its scan began. */
export interface ScannedVersion {
  id: string;
  label: string;
  scanRequestedAt: Date | null;
  facts: unknown;
  model: { id: string; namespace: string; name: string };
}

/** `superseded`: a newer scan was requested meanwhile, or another scan already ended this one. */
export type RecordOutcome = 'recorded' | 'superseded' | 'not_recorded';

/**
 * Writes a scan in one transaction: per-file status, findings and facts, the version's facts and card,
 * the model's empty fields the card fills, the audit event and the automatic benchmarks. Results the
 * database refuses (a data error: a retry would fail the same way) end the scan as `error` instead of
 * leaving it pending; other errors (a lost connection) are thrown for the queue to retry.
 */
export class ScanRecorder {
  constructor(
    private readonly config: Config,
    private readonly db: PrismaClient,
    private readonly queue: JobQueue,
  ) {}

  async record(version: ScannedVersion, result: VersionScan, card?: CardUpdate): Promise<RecordOutcome> {
    try {
      return (await this.write(version, result, card)) ? 'recorded' : 'superseded';
    } catch (error) {
      if (!isPermanentWriteError(error)) throw error;
      const ended = await endScanWithError(this.db, version.id, notRecorded(error), { scanRequestedAt: version.scanRequestedAt });
      return ended ? 'not_recorded' : 'superseded';
    }
  }

  private async write(version: ScannedVersion, result: VersionScan, card: CardUpdate | undefined): Promise<boolean> {
    // Facts the import recorded (license tag, Hub origin) stay; everything a scan writes is replaced whole.
    const previousFacts = Object.fromEntries(
      Object.entries((version.facts ?? {}) as Record<string, unknown>).filter(
        ([key]) => !(SCAN_FACT_KEYS as readonly string[]).includes(key),
      ),
    );
    return this.db.$transaction(async (tx) => {
      // A re-scan requested since this scan began makes its results stale: the newer job writes instead.
      const { count } = await tx.modelVersion.updateMany({
        where: { id: version.id, scanRequestedAt: version.scanRequestedAt },
        data: {
          facts: { ...previousFacts, ...result.facts } as unknown as Prisma.InputJsonValue,
          parameters: result.facts.parameters === undefined ? null : BigInt(result.facts.parameters),
          scannedAt: new Date(),
          scanHeartbeatAt: null,
          scanAttempts: 0,
          ...(card ? { card: card.card as unknown as Prisma.InputJsonValue } : {}),
        },
      });
      if (count === 0) return false;
      for (const file of result.files) {
        await tx.modelFile.update({
          where: { versionId_path: { versionId: version.id, path: file.path } },
          data: {
            scanStatus: file.status,
            scanFindings: file.findings as unknown as Prisma.InputJsonValue,
            facts: file.facts as unknown as Prisma.InputJsonValue,
          },
        });
      }
      if (card) await fillModelDefaults(tx, version.model.id, card.defaults);
      await recordScanned(tx, subjectOf(version), {
        statuses: countStatuses(result),
        findings: result.files.flatMap((file) => file.findings),
        ...(card ? { details: { card: { source: card.card.source, findings: card.card.findings.length } } } : {}),
      });
      if (this.config.benchmarks.auto) await this.queueBenchmarks(tx, version.id, result);
      return true;
    }, SCAN_WRITE_TIMEOUT);
  }

  /** One automatic run per benchmarkable main ONNX file, never twice. */
  private async queueBenchmarks(tx: Prisma.TransactionClient, versionId: string, result: VersionScan): Promise<void> {
    for (const path of autoBenchmarkFiles(result)) {
      const existing = await tx.benchmarkRun.findFirst({ where: { versionId, file: path, requestedBy: 'auto' } });
      if (existing) continue;
      const run = await tx.benchmarkRun.create({
        data: { versionId, file: path, requestedBy: 'auto', settings: { executionProvider: this.config.benchmarks.executionProvider } },
      });
      await this.queue.send('benchmark.run', { runId: run.id }, transactionExecutor(tx));
    }
  }
}

/** Each field only where it is still empty, so a publisher's edit made meanwhile wins. */
async function fillModelDefaults(tx: Prisma.TransactionClient, modelId: string, defaults: CardUpdate['defaults']): Promise<void> {
  const { task, library, tags, licenseId } = defaults;
  if (task) await tx.model.updateMany({ where: { id: modelId, task: null }, data: { task } });
  if (library) await tx.model.updateMany({ where: { id: modelId, library: null }, data: { library } });
  if (tags) await tx.model.updateMany({ where: { id: modelId, tags: { isEmpty: true } }, data: { tags } });
  if (licenseId) {
    await tx.model.updateMany({ where: { id: modelId, OR: [{ licenseId: null }, { licenseId: 'unknown' }] }, data: { licenseId } });
  }
}

function notRecorded(error: unknown): Finding {
  return {
    severity: 'critical',
    code: 'scan_not_recorded',
    message: `The scan finished but the database refused its results (${describeWriteError(error)}); every file is marked error until a new scan succeeds`,
  };
}

function countStatuses(result: VersionScan): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of result.files) counts[file.status] = (counts[file.status] ?? 0) + 1;
  return counts;
}

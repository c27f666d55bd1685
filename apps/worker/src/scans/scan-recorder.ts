import type { Config } from '@vetted/config';
import { type Finding, SCAN_FACT_KEYS, type VersionScan } from '@vetted/formats';
import { createBenchmarkRun, storedFacts } from '@vetted/lifecycle';
import { type JobQueue, transactionExecutor } from '@vetted/queue';
import type { Transaction, Transactions } from '../infra/transactions.js';
import { autoBenchmarkFiles } from './auto-benchmark-files.js';
import { describeWriteError, isPermanentWriteError } from './database-error.js';
import { endScanWithError } from './scan-error-ending.js';
import { recordScanned, subjectOf } from './scan-event.js';
import type { ScanRepository } from './scan.repository.js';
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
    private readonly scans: ScanRepository,
    private readonly transactions: Transactions,
    private readonly queue: JobQueue,
  ) {}

  async record(version: ScannedVersion, result: VersionScan, card?: CardUpdate): Promise<RecordOutcome> {
    try {
      return (await this.write(version, result, card)) ? 'recorded' : 'superseded';
    } catch (error) {
      if (!isPermanentWriteError(error)) throw error;
      const ended = await endScanWithError(this.transactions, this.scans, version.id, notRecorded(error), {
        requestedAt: version.scanRequestedAt,
      });
      return ended ? 'not_recorded' : 'superseded';
    }
  }

  private async write(version: ScannedVersion, result: VersionScan, card: CardUpdate | undefined): Promise<boolean> {
    // Facts the import recorded (license tag, Hub origin) stay; everything a scan writes is replaced whole.
    const previousFacts = Object.fromEntries(
      Object.entries(storedFacts.parse(version.facts)).filter(([key]) => !(SCAN_FACT_KEYS as readonly string[]).includes(key)),
    );
    return this.transactions.run(async (tx) => {
      // A re-scan requested since this scan began makes its results stale: the newer job writes instead.
      const written = await this.scans.writeVersionResults(tx, version.id, version.scanRequestedAt, {
        facts: { ...previousFacts, ...result.facts },
        parameters: result.facts.parameters === undefined ? null : BigInt(result.facts.parameters),
        card: card?.card,
      });
      if (!written) return false;
      for (const file of result.files) await this.scans.writeFileResult(tx, version.id, file);
      if (card) await this.scans.fillModelDefaults(tx, version.model.id, card.defaults);
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
  private async queueBenchmarks(tx: Transaction, versionId: string, result: VersionScan): Promise<void> {
    for (const path of autoBenchmarkFiles(result)) {
      if (await this.scans.hasAutoRun(tx, versionId, path)) continue;
      await createBenchmarkRun(
        tx,
        { versionId, file: path, requestedBy: 'auto', settings: { executionProvider: this.config.benchmarks.executionProvider } },
        (runId) => this.queue.send('benchmark.run', { runId }, transactionExecutor(tx)),
      );
    }
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

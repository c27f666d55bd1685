import { versionRecordSchema } from '@vetted/bundles';
import type { VersionOrigin } from '@vetted/db';
import { countScanStatuses } from '../scans/scan-status.js';
import type { OriginEvidence } from './bundle.schemas.js';

interface ScannedFile {
  path: string;
  scanStatus: OriginEvidence['criticalFindings'][number]['status'] | 'pending' | 'clean' | 'warning';
  scanFindings: unknown;
}

/** The source site's scans and benchmarks of an imported version, from the record its bundle carried. */
export function originEvidence(origin: VersionOrigin): OriginEvidence {
  // The record was validated against this schema on import; a row that no longer parses shows nothing rather than guesses.
  const record = versionRecordSchema.safeParse(origin.evidence);
  const files = record.success ? record.data.files : [];
  return {
    site: origin.siteFingerprint,
    trusted: origin.trusted,
    importedAt: origin.importedAt.toISOString(),
    ...scanSummary(files),
    benchmarkRuns: (record.success ? record.data.benchmarks : []).map((run) => ({
      file: run.file,
      executionProvider: run.executionProvider,
      hardware: run.hardware,
      p50Ms: run.p50Ms,
      finishedAt: run.finishedAt,
    })),
  };
}

/** Files per scan status and the files found critical or not scannable, with their findings. */
export function scanSummary(files: readonly ScannedFile[]): Pick<OriginEvidence, 'scan' | 'criticalFindings'> {
  return {
    scan: countScanStatuses(files.map((file) => file.scanStatus)),
    criticalFindings: files.flatMap((file) =>
      file.scanStatus === 'critical' || file.scanStatus === 'error'
        ? [{ path: file.path, status: file.scanStatus, findings: file.scanFindings }]
        : [],
    ),
  };
}

import type { Finding } from '@vetted/formats';
import type { Transactions } from '../infra/transactions.js';
import { recordScanned, subjectOf } from './scan-event.js';
import type { EndCondition, ScanRepository } from './scan.repository.js';

/**
 * Ends a scan that cannot finish as `error` instead of leaving it pending for ever: every file of the
 * version gets `error` and this one finding (scanners fail closed: `error` is never taken for clean),
 * the version its scannedAt, the audit trail a `version.scanned` event naming the error. Only a scan
 * still unfinished is ended, and only if `onlyIf` still holds; false when there was none.
 */
export async function endScanWithError(
  transactions: Transactions,
  scans: ScanRepository,
  versionId: string,
  finding: Finding,
  onlyIf: EndCondition = {},
): Promise<boolean> {
  const recorded = { ...finding, message: finding.message.replaceAll('\u0000', '\uFFFD') };
  return transactions.run(async (tx) => {
    if (!(await scans.endUnfinished(tx, versionId, onlyIf))) return false;
    const files = await scans.markFilesError(tx, versionId, recorded);
    await recordScanned(tx, subjectOf(await scans.subject(tx, versionId)), {
      statuses: { error: files },
      findings: Array<Finding>(files).fill(recorded),
      details: { error: { code: recorded.code, message: recorded.message } },
    });
    return true;
  });
}

import type { Prisma, PrismaClient } from '@vetted/db';
import type { Finding } from '@vetted/formats';
import { recordScanned, subjectOf } from './scan-event.js';
import { SCANNABLE } from './scannable.js';

/**
 * Ends a scan that cannot finish as `error` instead of leaving it pending for ever: every file of the
 * version gets `error` and this one finding (scanners fail closed: `error` is never taken for clean),
 * the version its scannedAt, the audit trail a `version.scanned` event naming the error. Only a scan
 * still unfinished is ended, and only if `onlyIf` still holds; false when there was none.
 */
export async function endScanWithError(
  db: PrismaClient,
  versionId: string,
  finding: Finding,
  onlyIf: Prisma.ModelVersionWhereInput = {},
): Promise<boolean> {
  const recorded = { ...finding, message: finding.message.replaceAll('\u0000', '\uFFFD') };
  return db.$transaction(async (tx) => {
    const { count } = await tx.modelVersion.updateMany({
      where: { ...onlyIf, id: versionId, scannedAt: null, status: { in: SCANNABLE } },
      data: { scannedAt: new Date(), scanHeartbeatAt: null, scanAttempts: 0 },
    });
    if (count === 0) return false;
    const files = await tx.modelFile.updateMany({
      where: { versionId },
      data: { scanStatus: 'error', scanFindings: [recorded] as unknown as Prisma.InputJsonValue },
    });
    const version = await tx.modelVersion.findUniqueOrThrow({
      where: { id: versionId },
      select: { label: true, model: { select: { namespace: true, name: true } } },
    });
    await recordScanned(tx, subjectOf(version), {
      statuses: { error: files.count },
      findings: Array<Finding>(files.count).fill(recorded),
      details: { error: { code: recorded.code, message: recorded.message } },
    });
    return true;
  });
}

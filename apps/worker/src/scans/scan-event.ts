import type { Prisma } from '@vetted/db';
import type { Finding } from '@vetted/formats';
import { recordAudit, recordEvent, type VersionSubject, versionSubjectId } from '@vetted/lifecycle';

export interface ScanOutcome {
  /** Files per scan status. */
  statuses: Record<string, number>;
  findings: readonly Finding[];
  /** More for the audit row: the card read, the error that ended the scan. */
  details?: Record<string, Prisma.InputJsonValue>;
}

/**
 * A finished scan, told twice in its transaction: the audit row (`version.scanned`) and the domain event
 * with files per status and findings per severity, what a SIEM or a chat channel acts on.
 */
export async function recordScanned(tx: Prisma.TransactionClient, subject: VersionSubject, outcome: ScanOutcome): Promise<void> {
  const bySeverity: Record<string, number> = {};
  for (const finding of outcome.findings) bySeverity[finding.severity] = (bySeverity[finding.severity] ?? 0) + 1;
  await recordAudit(tx, {
    actor: 'worker',
    action: 'version.scanned',
    subjectType: 'model_version',
    subjectId: versionSubjectId(subject),
    data: { statuses: outcome.statuses, findings: outcome.findings.length, ...outcome.details },
  });
  await recordEvent(tx, {
    type: 'version.scanned',
    actor: 'worker',
    actorName: 'worker',
    subjectType: 'model_version',
    subjectId: versionSubjectId(subject),
    namespace: subject.namespace,
    payload: { model: `${subject.namespace}/${subject.name}`, version: subject.version, statuses: outcome.statuses, findings: bySeverity },
  });
}

/** A version row with its model, as the scanner reads it, as the subject of its events. */
export const subjectOf = (version: { label: string; model: { namespace: string; name: string } }): VersionSubject => ({
  namespace: version.model.namespace,
  name: version.model.name,
  version: version.label,
});

import type { Prisma } from '@vetted/db';
import type { Finding } from '@vetted/formats';
import { recordEvent, type VersionSubject, versionSubjectId } from '@vetted/lifecycle';

/** `version.scanned`, with files per status and findings per severity: what a SIEM or a chat channel acts on. */
export async function recordScanEvent(
  tx: Prisma.TransactionClient,
  subject: VersionSubject,
  statuses: Record<string, number>,
  findings: readonly Finding[],
): Promise<void> {
  const bySeverity: Record<string, number> = {};
  for (const finding of findings) bySeverity[finding.severity] = (bySeverity[finding.severity] ?? 0) + 1;
  await recordEvent(tx, {
    type: 'version.scanned',
    actor: 'worker',
    actorName: 'worker',
    subjectType: 'model_version',
    subjectId: versionSubjectId(subject),
    namespace: subject.namespace,
    payload: { model: `${subject.namespace}/${subject.name}`, version: subject.version, statuses, findings: bySeverity },
  });
}

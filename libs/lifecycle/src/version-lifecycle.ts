import type { ModelVersion, Prisma, VersionStatus } from '@vetted/db';
import { recordAudit } from './audit.repository.js';
import type { EventActor, NewDomainEvent, VersionSubject } from './domain-event.js';
import { versionSubjectId } from './domain-event.js';
import { recordEvent } from './event.repository.js';
import { allowedFrom } from './version-status.js';

type Db = Prisma.TransactionClient;

/** A move the lifecycle does not allow from the version's current status (or a version that is gone). */
export class TransitionRefused extends Error {
  constructor(
    readonly from: VersionStatus | undefined,
    readonly to: VersionStatus,
    readonly allowed: readonly VersionStatus[],
  ) {
    super(`A version that is ${from ?? 'gone'} cannot become ${to} (allowed from: ${allowed.join(', ')})`);
  }
}

/** Locks the version row for the rest of the transaction, so submits, reviews and file changes never interleave. */
export async function lockVersionStatus(tx: Db, versionId: string): Promise<VersionStatus | undefined> {
  const rows = await tx.$queryRaw<{ status: VersionStatus }[]>`SELECT status FROM model_versions WHERE id = ${versionId}::uuid FOR UPDATE`;
  return rows[0]?.status;
}

export interface StatusChange extends EventActor {
  versionId: string;
  subject: VersionSubject;
  to: VersionStatus;
  /** Version fields written with the status (commit sha on submit, license and card on an import). */
  fields?: Prisma.ModelVersionUncheckedUpdateInput;
  /** The reject comment, or the deprecate or revoke reason, shown on the version. */
  reason?: string;
  /** The audit row's action and data; the action defaults to `version.<to>`. */
  audit?: { action?: string; data?: Prisma.InputJsonValue };
  /** The event the change publishes, if any. */
  event?: (version: ModelVersion, from: VersionStatus) => NewDomainEvent | undefined;
}

/**
 * The one way a version changes status, for the API and the worker: lock, check the move is allowed,
 * write the status (with the reason and who when a person decided), the audit row and the domain event,
 * all in the caller's transaction.
 */
export async function changeVersionStatus(tx: Db, change: StatusChange): Promise<{ version: ModelVersion; from: VersionStatus }> {
  const from = await lockVersionStatus(tx, change.versionId);
  const allowed = allowedFrom(change.to);
  if (!from || !allowed.includes(from)) throw new TransitionRefused(from, change.to, allowed);
  const decided = change.reason !== undefined;
  const version = await tx.modelVersion.update({
    where: { id: change.versionId },
    data: {
      ...change.fields,
      status: change.to,
      ...(decided ? { statusReason: change.reason, statusChangedBy: change.actor, statusChangedAt: new Date() } : {}),
    },
  });
  await recordAudit(tx, {
    actor: change.actor,
    action: change.audit?.action ?? `version.${change.to}`,
    subjectType: 'model_version',
    subjectId: versionSubjectId(change.subject),
    data: change.audit?.data ?? {},
  });
  const event = change.event?.(version, from);
  if (event) await recordEvent(tx, event);
  return { version, from };
}

import { IN_TOTO_STATEMENT_TYPE, rootDigest, type ApprovalManifest } from './model-statement.js';

/** Vetted's own predicate: a signed word that an approved version was later deprecated or revoked. */
export const STATUS_PREDICATE = 'https://vetted.dev/attestations/version-status/v1';

export interface StatusChangeManifest extends Omit<ApprovalManifest, 'reviewer' | 'approvedAt' | 'licenseId'> {
  status: 'deprecated' | 'revoked';
  reason: string;
  actor: string;
  changedAt: string;
}

/** Same subject as the approval statement (the model and its root digest), so the two can be matched. */
export function statusStatement(change: StatusChangeManifest) {
  const digests = [...change.files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => ({ digest: file.sha256 }));
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: change.model, digest: { sha256: rootDigest(digests) } }],
    predicateType: STATUS_PREDICATE,
    predicate: {
      model: change.model,
      version: change.version,
      commitSha: change.commitSha,
      status: change.status,
      reason: change.reason,
      actor: change.actor,
      changedAt: change.changedAt,
    },
  };
}

import type { VersionStatus } from '@vetted/db';

/** Statuses a viewer may download: approved versions, and deprecated ones (still downloadable, flagged). */
export const DOWNLOADABLE_STATUSES: readonly VersionStatus[] = ['approved', 'deprecated'];

/** Statuses a viewer sees listed, with their reason: a revoked version stays on record, without downloads. */
export const LISTED_STATUSES: readonly VersionStatus[] = [...DOWNLOADABLE_STATUSES, 'revoked'];

/**
 * The version lifecycle: draft → pending_review → approved | rejected; approved → deprecated → revoked
 * (or approved → revoked). The only moves anyone may make, API and worker alike.
 */
export const TRANSITIONS: Readonly<Record<VersionStatus, readonly VersionStatus[]>> = {
  draft: ['pending_review'],
  pending_review: ['approved', 'rejected'],
  approved: ['deprecated', 'revoked'],
  deprecated: ['revoked'],
  rejected: [],
  revoked: [],
};

/** The statuses a version may move to `status` from. */
export const allowedFrom = (status: VersionStatus): VersionStatus[] =>
  (Object.keys(TRANSITIONS) as VersionStatus[]).filter((from) => TRANSITIONS[from].includes(status));

import type { VersionStatus } from '@vetted/db';

/** Versions in these states were frozen by a submit or an import and wait for (or passed) review. */
export const SCANNABLE: VersionStatus[] = ['pending_review', 'approved', 'rejected', 'deprecated'];

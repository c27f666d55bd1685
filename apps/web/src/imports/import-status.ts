import type { ImportJob } from '../api/api-types';

export const isActive = (job: Pick<ImportJob, 'status'>): boolean => job.status === 'queued' || job.status === 'running';

/** How often to ask for progress: often while it moves, not at all once it ended. */
export const POLL_MS = 500;

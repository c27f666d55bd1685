import { z } from 'zod';

export const createReviewBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().min(1).max(5000).describe('What the reviewer looked at and why they decided so'),
  overrideReason: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .optional()
    .describe('Admins only: why they approve a version they published themselves, or one with critical scan findings'),
});
export type CreateReviewBody = z.output<typeof createReviewBody>;

export const lifecycleBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export type LifecycleBody = z.output<typeof lifecycleBody>;

export const evidence = z.object({
  license: z.object({ id: z.string().nullable(), commercialUse: z.string(), summary: z.string().nullable() }),
  scan: z.object({ pending: z.number(), clean: z.number(), warning: z.number(), critical: z.number(), error: z.number() }),
  criticalFindings: z
    .array(z.object({ path: z.string(), status: z.enum(['critical', 'error']), findings: z.unknown() }))
    .describe('Files whose scan found something critical or could not finish, with their findings'),
  manifest: z.object({ commitSha: z.string().nullable(), files: z.number(), bytes: z.number() }),
  benchmarks: z.array(z.string()).describe('Ids of the succeeded benchmark runs of this version'),
  blockers: z.array(z.string()).describe('Why approval would be refused right now'),
  overridable: z
    .array(z.string())
    .describe('The blockers an admin may override with overrideReason (critical or failed scans); the rest cannot be'),
});
export type Evidence = z.output<typeof evidence>;

export const reviewView = z.object({
  id: z.string(),
  version: z.string(),
  reviewer: z.string(),
  decision: z.enum(['approved', 'rejected']),
  comment: z.string(),
  overrideReason: z.string().nullable(),
  evidence,
  createdAt: z.string(),
});
export type ReviewView = z.output<typeof reviewView>;

export const queueItem = z.object({
  model: z.string(),
  version: z.string(),
  publishedBy: z.string(),
  submittedAt: z.string(),
  evidence,
});
export type QueueItem = z.output<typeof queueItem>;

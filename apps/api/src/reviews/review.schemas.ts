import { z } from 'zod';
import { originEvidence } from '../bundles/bundle.schemas.js';

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

const finding = z.object({
  path: z.string().describe('The file (or README.md for card findings)'),
  severity: z.enum(['info', 'warning', 'critical']),
  code: z.string(),
  message: z.string(),
});

const contributor = z.object({
  actor: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  actions: z.array(z.string()).describe('created, uploaded, deleted, submitted, imported'),
});

const benchmarkRunEvidence = z.object({
  id: z.string(),
  file: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  requestedBy: z.string(),
  requestedByName: z.string(),
  executionProvider: z.string().nullable(),
  hardware: z.string().nullable(),
  p50Ms: z.number().nullable(),
  reference: z.object({ passed: z.boolean(), maxAbsError: z.number() }).nullable().describe('Outputs checked against reference tensors'),
  findings: z.array(z.object({ severity: z.string(), code: z.string(), message: z.string() })),
  inputs: z.unknown().nullable().describe('The input shapes, dtypes and fills the run used, when the runner recorded them'),
  error: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const fileChange = z.object({ path: z.string(), size: z.number(), sha256: z.string() });

export const versionDiff = z
  .object({
    base: z.string().describe('The previous approved (or deprecated) version of the same model'),
    files: z.object({
      added: z.array(fileChange),
      removed: z.array(fileChange),
      changed: z.array(z.object({ path: z.string(), before: fileChange, after: fileChange })),
      unchanged: z.number(),
    }),
    facts: z
      .array(z.object({ fact: z.string(), before: z.unknown(), after: z.unknown() }))
      .describe('Facts read from the files that differ'),
    license: z
      .object({ before: z.string().nullable(), after: z.string().nullable() })
      .nullable()
      .describe('Null when the license is the same'),
    newFindings: z.array(finding).describe('Scan and card findings the base version did not have'),
    benchmarks: z
      .array(
        z.object({
          file: z.string(),
          executionProvider: z.string(),
          hardware: z.string(),
          baseP50Ms: z.number(),
          headP50Ms: z.number(),
          speedup: z.number().describe('base p50 / head p50: above 1 is faster'),
        }),
      )
      .describe('p50 of the latest succeeded runs on the same hardware, provider and settings'),
  })
  .describe('What changed since the previous approved version; null for the first');
export type VersionDiff = z.output<typeof versionDiff>;

export const evidence = z.object({
  license: z.object({ id: z.string().nullable(), commercialUse: z.string(), summary: z.string().nullable() }),
  card: z
    .object({ source: z.string().nullable(), license: z.string().nullable(), findings: z.array(finding) })
    .optional()
    .describe('The model card the version carries: where it came from, the license it declares, its findings'),
  scan: z.object({ pending: z.number(), clean: z.number(), warning: z.number(), critical: z.number(), error: z.number() }),
  criticalFindings: z
    .array(z.object({ path: z.string(), status: z.enum(['critical', 'error']), findings: z.unknown() }))
    .describe('Files whose scan found something critical or could not finish, with their findings'),
  findings: z
    .object({ critical: z.array(finding), warning: z.array(finding), info: z.array(finding) })
    .optional()
    .describe('Every scan and card finding, by severity'),
  manifest: z.object({ commitSha: z.string().nullable(), files: z.number(), bytes: z.number() }),
  contributors: z
    .array(contributor)
    .optional()
    .describe('Everyone who created, changed or submitted the version: none of them may approve it'),
  benchmarks: z.array(z.string()).describe('Ids of the succeeded benchmark runs of this version'),
  benchmarkRuns: z.array(benchmarkRunEvidence).optional().describe('Every benchmark run of the version, failed and cancelled ones too'),
  diff: versionDiff.nullable().optional(),
  origin: originEvidence.nullable().optional(),
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
  reviewerName: z.string(),
  reviewerRole: z.string().nullable(),
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
  publishedByName: z.string(),
  submittedAt: z.string(),
  evidence,
});
export type QueueItem = z.output<typeof queueItem>;

import { z } from 'zod';

/** Carried as the source site stored it: JSON, read back by whoever knows its shape. */
const json = z.unknown();

/** One version as a bundle carries it: the manifest plus the evidence the source site decided on. */
export const versionRecordSchema = z.object({
  model: z.string().regex(/^[^/]+\/[^/]+$/),
  version: z.string().min(1),
  commitSha: z.string().nullable(),
  modelInfo: z.object({
    displayName: z.string().nullable(),
    description: z.string(),
    task: z.string().nullable(),
    library: z.string().nullable(),
    tags: z.array(z.string()),
  }),
  license: z
    .object({ id: z.string(), name: z.string(), spdxId: z.string().nullable(), url: z.string().nullable(), terms: json })
    .nullable(),
  card: json,
  facts: json,
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  files: z.array(
    z.object({
      path: z.string().min(1),
      size: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      format: z.string().nullable(),
      scanStatus: z.enum(['pending', 'clean', 'warning', 'critical', 'error']),
      scanFindings: json,
      facts: json,
    }),
  ),
  reviews: z.array(z.object({ reviewer: z.string(), decision: z.string(), comment: z.string(), evidence: json, createdAt: z.string() })),
  benchmarks: z.array(
    z.object({
      file: z.string(),
      status: z.string(),
      settings: json,
      result: json,
      executionProvider: z.string().nullable(),
      hardware: z.string().nullable(),
      p50Ms: z.number().nullable(),
      tokensPerSecond: z.number().nullable(),
      finishedAt: z.string().nullable(),
    }),
  ),
});
export type VersionRecord = z.infer<typeof versionRecordSchema>;

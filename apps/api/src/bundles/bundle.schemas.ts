import { z } from 'zod';

const VERSION_ADDRESS = /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*(@[^\s/]+)?$/;

export const createExportBody = z.object({
  models: z
    .array(z.string().regex(VERSION_ADDRESS, 'namespace/name or namespace/name@version'))
    .min(1)
    .max(1000)
    .describe('Approved versions to carry; without @version, the latest approved one'),
});
export type CreateExportBody = z.infer<typeof createExportBody>;

export const exportView = z.object({
  id: z.string(),
  status: z
    .enum(['queued', 'running', 'succeeded', 'failed', 'expired'])
    .describe('queued → running (a worker writes it) → succeeded or failed; succeeded → expired once its retention ends'),
  versions: z.array(z.string()),
  size: z.number().nullable().describe('Bytes of the tar, once written'),
  error: z.string().nullable().describe('Why it failed'),
  attempts: z.number().describe('Workers that started writing it (one that died is replaced, up to 3)'),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string().nullable().describe('When the tar is deleted (VETTED_EXPORT_RETENTION_HOURS after it was written)'),
});
export type ExportView = z.infer<typeof exportView>;

export const importQuery = z.object({
  signer: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
    .describe("The exporting site's key fingerprint, confirmed out of band: an untrusted but expected signer lands versions for review"),
});
export type ImportQuery = z.infer<typeof importQuery>;

export const importResultView = z.object({
  signer: z.string().describe("The exporting site's key fingerprint"),
  trusted: z.boolean(),
  versions: z.array(
    z.object({
      model: z.string(),
      version: z.string(),
      outcome: z.enum(['approved', 'pending_review', 'unchanged']),
      license: z.string().nullable().describe('The license here; null (unknown) when this catalog does not know the carried one'),
    }),
  ),
});
export type ImportResultView = z.infer<typeof importResultView>;

const scanCounts = z.object({ pending: z.number(), clean: z.number(), warning: z.number(), critical: z.number(), error: z.number() });

export const originEvidence = z
  .object({
    site: z.string().describe("The exporting site's key fingerprint"),
    trusted: z.boolean().describe('Whether this site trusted that key at import (the version then landed approved)'),
    importedAt: z.string(),
    scan: scanCounts.describe("The exporting site's scan: files per status"),
    criticalFindings: z
      .array(z.object({ path: z.string(), status: z.enum(['critical', 'error']), findings: z.unknown() }))
      .describe('Files the exporting site found critical or could not scan'),
    benchmarkRuns: z
      .array(
        z.object({
          file: z.string(),
          executionProvider: z.string().nullable(),
          hardware: z.string().nullable(),
          p50Ms: z.number().nullable(),
          finishedAt: z.string().nullable(),
        }),
      )
      .describe("The exporting site's succeeded benchmark runs"),
  })
  .describe("What the exporting site found, as its bundle carried it; everything else in this evidence is this site's own");
export type OriginEvidence = z.infer<typeof originEvidence>;

export const originView = z.object({
  siteFingerprint: z.string(),
  trusted: z.boolean(),
  signature: z.string().describe("The source site's model.sig"),
  evidence: z.unknown().describe("The bundle record as carried: license terms, the source site's scans, benchmarks and reviews"),
  origin: originEvidence,
  local: z
    .object({ scan: scanCounts, criticalFindings: originEvidence.shape.criticalFindings })
    .describe("This site's own scan of the same files (pending until its worker has scanned them), beside the source site's"),
  importedBy: z.string(),
  importedAt: z.string(),
});
export type OriginView = z.infer<typeof originView>;

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
  status: z.enum(['running', 'succeeded', 'failed']),
  versions: z.array(z.string()),
  size: z.number().nullable().describe('Bytes of the tar, once written'),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
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

export const originView = z.object({
  siteFingerprint: z.string(),
  trusted: z.boolean(),
  signature: z.string().describe("The source site's model.sig"),
  evidence: z.unknown().describe('The bundle record: license terms, scans, benchmarks, the source reviews'),
  importedBy: z.string(),
  importedAt: z.string(),
});

import { z } from 'zod';

export const VERSION_STATUSES = ['draft', 'pending_review', 'approved', 'rejected', 'deprecated', 'revoked'] as const;

export const versionLabel = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/,
    'must start with a letter or digit and use only letters, digits, ".", "_", "+", "-" (max 128)',
  )
  .refine((label) => !label.includes('..'), 'must not contain ".."')
  .refine((label) => label !== 'main', '"main" is reserved: it names the latest approved version');

export const createVersionBody = z.strictObject({
  version: versionLabel.describe('Version label, unique within the model (e.g. "1.0", "2024-06-01")'),
  license: z.string().min(1).max(100).nullable().optional().describe("This version's license, when it differs from the model's"),
});
export type CreateVersionBody = z.output<typeof createVersionBody>;

export const versionView = z.object({
  version: z.string(),
  commitSha: z.string().nullable().describe('40 hex: the Hub commit, or derived from the file manifest on submit'),
  status: z.enum(VERSION_STATUSES),
  license: z.string().nullable(),
  facts: z
    .record(z.string(), z.unknown())
    .describe('From the files: parameters, dtypes, architecture, context length, ONNX inputs/outputs, hardware fit, config'),
  parameters: z.number().nullable().describe('Total parameters of the weight files; null until scanned'),
  scannedAt: z.string().nullable().describe('When the last scan finished; null while one is pending'),
  downloadable: z
    .boolean()
    .describe('Approved or deprecated: its files can be downloaded (a revoked version stays listed, without downloads)'),
  statusReason: z
    .string()
    .nullable()
    .describe('Why the status last changed, when someone said: the reject comment, the deprecate or revoke reason'),
  statusChangedAt: z.string().nullable().describe('When a reviewer last changed the status (approved, rejected, deprecated, revoked)'),
  statusChangedBy: z.string().nullable(),
  statusChangedByName: z.string().nullable().describe('The name of the key that changed it'),
  createdBy: z.string(),
  createdByName: z.string().describe("The name of the key that created the version (or the import's id)"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VersionView = z.output<typeof versionView>;

export const versionDetailView = versionView.extend({
  card: z.unknown().nullable().describe('Model card: README text and its parsed front matter'),
});

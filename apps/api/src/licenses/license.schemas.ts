import { z } from 'zod';

export const licenseView = z.object({
  id: z.string().describe('The Hugging Face license tag'),
  spdxId: z.string().nullable(),
  name: z.string(),
  url: z.string().nullable(),
  terms: z
    .object({
      commercialUse: z.enum(['yes', 'no', 'conditional', 'unknown']),
      summary: z.string(),
      gated: z.boolean(),
    })
    .catchall(z.unknown()),
  sourceUrl: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type LicenseView = z.output<typeof licenseView>;

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

const threshold = <K extends string>(key: K) =>
  z.object({ [key]: z.number().min(0), measured: z.string().min(1).max(500) } as Record<K, z.ZodNumber> & { measured: z.ZodString });

export const licenseTermsBody = z.strictObject({
  commercialUse: z.enum(['yes', 'no', 'conditional', 'unknown']),
  summary: z.string().min(1).max(1000),
  gated: z.boolean(),
  obligations: z.array(z.string().min(1).max(500)).max(50).optional(),
  userThreshold: threshold('monthlyActiveUsers').optional(),
  revenueThreshold: threshold('annualRevenueUsd').optional(),
  outputTraining: z.enum(['allowed', 'prohibited', 'with_obligations', 'derivative', 'unknown']).optional(),
  outputTrainingNote: z.string().max(1000).optional(),
  flowDown: z.string().max(1000).optional(),
  hostingIsDistribution: z.boolean().optional(),
  shareAlike: z.boolean().optional(),
  euMultimodalExclusion: z.boolean().optional(),
  usePolicy: z.string().max(1000).optional(),
});

export const updateLicenseBody = z
  .strictObject({
    name: z.string().min(1).max(200),
    spdxId: z.string().min(1).max(100).nullable(),
    url: z.url().nullable(),
    terms: licenseTermsBody,
    sourceUrl: z.url().nullable().describe('Where the terms were read'),
    reviewedAt: z.iso.date().nullable().describe('When a person last checked the terms against the source'),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field');
export type UpdateLicenseBody = z.output<typeof updateLicenseBody>;

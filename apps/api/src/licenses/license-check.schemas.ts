import { z } from 'zod';

export const intendedUse = z.strictObject({
  commercial: z.boolean(),
  monthlyActiveUsers: z.number().int().min(0).optional(),
  annualRevenueUsd: z.number().min(0).optional(),
  distribution: z.enum(['none', 'internal', 'external', 'hosted-service']),
  modifications: z.boolean().default(false),
  trainOtherModelsOnOutputs: z.boolean().default(false),
  region: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code or "EU"')
    .optional(),
  multimodal: z.boolean().optional().describe('For a model check, derived from its task when left out'),
});
export type IntendedUseBody = z.output<typeof intendedUse>;

export const checkResult = z.object({
  license: z.string(),
  verdict: z.enum(['allowed', 'allowed_with_obligations', 'needs_review', 'not_allowed']),
  reasons: z.array(z.object({ term: z.string(), explanation: z.string(), source: z.string().nullable() })),
  obligations: z.array(z.string()),
  disclaimer: z.string(),
});

import { z } from 'zod';

const licenseIds = z.array(z.string().min(1).max(100)).max(200);

export const policyRules = z.strictObject({
  allowedLicenses: licenseIds.default([]).describe('When not empty, only these licenses can be approved'),
  blockedLicenses: licenseIds.default([]).describe('These licenses can never be approved'),
  noNonCommercial: z.boolean().default(false).describe('Refuse licenses that forbid commercial use'),
  benchmarkRequired: z.boolean().default(false).describe('Refuse approval without a successful benchmark'),
});
export type PolicyRules = z.output<typeof policyRules>;

export const policyView = policyRules.extend({ updatedBy: z.string().nullable(), updatedAt: z.string().nullable() });
export type PolicyView = z.output<typeof policyView>;

export const DEFAULT_POLICY: PolicyRules = { allowedLicenses: [], blockedLicenses: [], noNonCommercial: false, benchmarkRequired: false };

import { ROLES } from '@vetted/domain';
import { z } from 'zod';

export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('What the key is for, e.g. "ci-downloads"'),
  role: z.enum(ROLES),
});
export type CreateApiKeyBody = z.output<typeof createApiKeyBody>;

export const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  prefix: z.string().describe('First characters of the key'),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyView = z.output<typeof apiKeyView>;

export const createdApiKey = apiKeyView.extend({ key: z.string().describe('The key itself: shown once, never stored') });

export const whoAmI = z.object({ actor: z.string(), name: z.string().describe("The key's name"), role: z.enum(ROLES) });

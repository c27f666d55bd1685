import { ROLES } from '@vetted/domain';
import { z } from 'zod';

export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('What the key is for, e.g. "ci-downloads"'),
  role: z.enum(ROLES),
});
export type CreateApiKeyBody = z.output<typeof createApiKeyBody>;

export const createPersonalKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('What the key is for, e.g. "laptop HF_TOKEN"'),
  role: z.enum(ROLES).optional().describe('At most your own role (the default)'),
  expiresInDays: z.number().int().min(1).optional().describe('Days until the key stops working; at most VETTED_PERSONAL_KEY_MAX_DAYS'),
});
export type CreatePersonalKeyBody = z.output<typeof createPersonalKeyBody>;

export const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  prefix: z.string().describe('First characters of the key'),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string().nullable().describe('When the key stops working (personal keys); null: never'),
  owner: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe("A personal key's owner: the key works only while the owner's role covers the key's"),
});
export type ApiKeyView = z.output<typeof apiKeyView>;

export const createdApiKey = apiKeyView.extend({ key: z.string().describe('The key itself: shown once, never stored') });

export const whoAmI = z.object({
  actor: z.string(),
  name: z.string().describe("The key's name, or the signed-in person's"),
  role: z.enum(ROLES),
});

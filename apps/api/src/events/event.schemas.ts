import { EVENT_TYPES } from '@vetted/lifecycle';
import { z } from 'zod';
import { pageQuery } from '../http/pagination.js';

const eventType = z.enum(EVENT_TYPES);

export const listEventsQuery = z.strictObject({
  type: z
    .string()
    .max(500)
    .transform((value) => value.split(','))
    .pipe(z.array(eventType).min(1))
    .optional()
    .describe(`Comma-separated event types: ${EVENT_TYPES.join(', ')}`),
  subjectType: z.enum(['model', 'model_version', 'import']).optional(),
  subjectId: z.string().max(500).optional().describe('e.g. acme/tiny-bert@1.0 for a version, acme/tiny-bert for a model'),
  namespace: z.string().max(96).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, 'is not a cursor returned by this endpoint')
    .optional()
    .describe('Events after this one: the nextCursor of the previous page, or 0 for the first event'),
  limit: pageQuery.limit,
});
export type ListEventsQuery = z.output<typeof listEventsQuery>;

export const eventView = z.object({
  id: z.string().describe('Stable event id (also the webhook-id of its deliveries)'),
  seq: z.string().describe('Position in the feed: pass as cursor to read what came after'),
  type: eventType,
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }),
  subject: z.object({ type: z.string(), id: z.string() }),
  namespace: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).describe('Small and type-specific: never secrets or signed URLs'),
});
export type EventView = z.output<typeof eventView>;

import { repoNameProblem } from '@vetted/domain';
import { EVENT_TYPES } from '@vetted/lifecycle';
import { z } from 'zod';
import { pageQuery } from '../http/pagination.js';

const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2000)
  .describe('Where deliveries are POSTed; checked against the outbound address policy when connecting');

const eventTypes = z
  .array(z.enum(EVENT_TYPES))
  .max(EVENT_TYPES.length)
  .transform((types) => [...new Set(types)])
  .describe(`Event types to send (${EVENT_TYPES.join(', ')}); empty: every type`);

const namespace = z
  .string()
  .superRefine((value, context) => {
    const problem = repoNameProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .nullable()
  .describe("Only events of this namespace's models; null: every namespace");

const description = z.string().trim().max(500).describe('What the webhook is for, e.g. "deploy on approval"');

export const createWebhookBody = z.strictObject({
  url: webhookUrl,
  events: eventTypes.default([]),
  namespace: namespace.default(null),
  description: description.default(''),
  enabled: z.boolean().default(true),
});
export type CreateWebhookBody = z.output<typeof createWebhookBody>;

export const updateWebhookBody = z.strictObject({
  url: webhookUrl.optional(),
  events: eventTypes.optional(),
  namespace: namespace.optional(),
  description: description.optional(),
  enabled: z.boolean().optional().describe('true again after an automatic disable: the run of failures starts over'),
});
export type UpdateWebhookBody = z.output<typeof updateWebhookBody>;

export const webhookView = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()).describe('Empty: every type'),
  namespace: z.string().nullable(),
  enabled: z.boolean(),
  disabledReason: z.string().nullable().describe('Why it is disabled: a run of failed deliveries, or who turned it off'),
  disabledAt: z.string().nullable(),
  consecutiveFailures: z.number().int().describe('Failed attempts since the last success'),
  createdBy: z.string(),
  createdByName: z.string().describe("The name of the admin's key that created it"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookView = z.output<typeof webhookView>;

const secret = z.string().describe('The Standard Webhooks signing secret (whsec_…): shown only in this response, never again');
export const createdWebhook = webhookView.extend({ secret });
export const rotatedSecret = z.object({ id: z.string(), secret });

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export const listDeliveriesQuery = z.strictObject({ ...pageQuery, status: z.enum(DELIVERY_STATUSES).optional() });
export type ListDeliveriesQuery = z.output<typeof listDeliveriesQuery>;

export const deliveryView = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventId: z.string().describe('The event sent, also the webhook-id header (the same on every retry)'),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES).describe('pending: waiting for its next attempt; failed: out of attempts'),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable().describe("The start of the receiver's answer (at most 4 KiB), as text"),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
  requestedBy: z.string().describe('system, or the admin who asked for a redelivery'),
  requestedByName: z.string(),
  redeliveryOf: z.string().nullable(),
  createdAt: z.string(),
});
export type DeliveryView = z.output<typeof deliveryView>;

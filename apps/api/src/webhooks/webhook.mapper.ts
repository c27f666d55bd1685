import type { Webhook, WebhookDelivery } from '@vetted/db';
import type { ActorInfo } from '../auth/actor-directory.js';
import type { DeliveryView, WebhookView } from './webhook.schemas.js';

/** Names of the actors rows record; an actor missing from the map is shown by its id. */
export type ActorNames = ReadonlyMap<string, ActorInfo>;
const nameOf = (names: ActorNames, actor: string): string => names.get(actor)?.name ?? actor;

/** A webhook as stored, without its secret: what the API reads for everything but creating and rotating. */
export type StoredWebhook = Omit<Webhook, 'secret'>;

export function toWebhookView(webhook: StoredWebhook, names: ActorNames): WebhookView {
  return {
    id: webhook.id,
    url: webhook.url,
    description: webhook.description,
    events: webhook.events,
    namespace: webhook.namespace,
    enabled: webhook.enabled,
    disabledReason: webhook.disabledReason,
    disabledAt: webhook.disabledAt?.toISOString() ?? null,
    consecutiveFailures: webhook.consecutiveFailures,
    createdBy: webhook.createdBy,
    createdByName: nameOf(names, webhook.createdBy),
    createdAt: webhook.createdAt.toISOString(),
    updatedAt: webhook.updatedAt.toISOString(),
  };
}

export function toDeliveryView(delivery: WebhookDelivery, names: ActorNames): DeliveryView {
  return {
    id: delivery.id,
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    responseStatus: delivery.responseStatus,
    responseBody: delivery.responseBody,
    durationMs: delivery.durationMs,
    error: delivery.error,
    requestedBy: delivery.requestedBy,
    requestedByName: nameOf(names, delivery.requestedBy),
    redeliveryOf: delivery.redeliveryOf,
    createdAt: delivery.createdAt.toISOString(),
  };
}

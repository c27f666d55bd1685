import type { Webhook, WebhookEventType, WebhookRequest } from '../api/api-types';
import { EVENT_TYPES } from './event-types';

/** A webhook's editable settings as the form holds them: text fields as typed, events ticked. */
export interface WebhookDraft {
  url: string;
  events: WebhookEventType[];
  namespace: string;
  description: string;
}

export const EMPTY_DRAFT: WebhookDraft = { url: '', events: [], namespace: '', description: '' };

export const draftOf = (webhook: Webhook): WebhookDraft => ({
  url: webhook.url,
  events: EVENT_TYPES.filter((type) => webhook.events.includes(type)),
  namespace: webhook.namespace ?? '',
  description: webhook.description,
});

/** The body for creating or updating: no events means every event, no namespace every namespace. */
export const requestOf = (draft: WebhookDraft): Required<Omit<WebhookRequest, 'enabled'>> => ({
  url: draft.url.trim(),
  events: EVENT_TYPES.filter((type) => draft.events.includes(type)),
  namespace: draft.namespace.trim() || null,
  description: draft.description.trim(),
});

export const eventsText = (events: readonly string[]): string => (events.length === 0 ? 'every event' : events.join(', '));

/** The fields of a domain event a webhook message carries (a `domain_events` row has them all). */
export interface WebhookEvent {
  id: string;
  type: string;
  at: Date;
  actor: string;
  actorName: string;
  subjectType: string;
  subjectId: string;
  namespace: string | null;
  payload: unknown;
}

/**
 * The body of a delivery, in Standard Webhooks' shape (`type`, `timestamp`, `data`). It depends on the
 * event alone, so every retry and redelivery sends the same bytes.
 */
export function webhookBody(event: WebhookEvent): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.at.toISOString(),
    data: {
      event: event.id,
      actor: { id: event.actor, name: event.actorName },
      subject: { type: event.subjectType, id: event.subjectId },
      namespace: event.namespace,
      payload: event.payload,
    },
  });
}

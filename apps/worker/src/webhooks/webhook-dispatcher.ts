import { Inject, Injectable, Optional } from '@nestjs/common';
import { wantsEvent } from '@vetted/webhooks';
import { WebhookDispatchRepository } from './webhook-dispatch.repository.js';
import { DEFAULT_WEBHOOK_TIMING, WEBHOOK_TIMING, type WebhookTiming } from './webhook-timing.js';

/** Events read per transaction. */
export const DISPATCH_BATCH = 100;

/** Turns new domain events into one pending delivery per matching enabled webhook. */
@Injectable()
export class WebhookDispatcher {
  constructor(
    private readonly repository: WebhookDispatchRepository,
    @Optional() @Inject(WEBHOOK_TIMING) private readonly timing: WebhookTiming = DEFAULT_WEBHOOK_TIMING,
  ) {}

  /** Dispatches the next batch of events; returns how many it read (0: none new, or another worker is at it). */
  async dispatchNew(): Promise<number> {
    const dispatched = await this.repository.dispatchNext(DISPATCH_BATCH, (events, webhooks) => {
      const now = this.timing.now();
      return events.flatMap((event) =>
        webhooks
          .filter((webhook) => wantsEvent(webhook, event))
          .map((webhook) => ({ webhookId: webhook.id, eventId: event.id, eventType: event.type, nextAttemptAt: now })),
      );
    });
    return dispatched?.events ?? 0;
  }
}

import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Config } from '@vetted/config';
import { AddressPolicy, type OutboundNetwork, postWebhook, retryDelayMs, signWebhook, SYSTEM_NETWORK, webhookBody } from '@vetted/webhooks';
import { CONFIG } from '../tokens.js';
import { type ClaimedDelivery, WebhookDeliveryRepository } from './webhook-delivery.repository.js';
import { DEFAULT_WEBHOOK_TIMING, WEBHOOK_TIMING, type WebhookTiming } from './webhook-timing.js';

/** Injection token for the network deliveries resolve and connect through (tests record instead of connecting). */
export const OUTBOUND_NETWORK = Symbol('OUTBOUND_NETWORK');

/** Deliveries attempted at once per worker. */
const BATCH = 10;
const CONNECT_TIMEOUT_MS = 5_000;
/** An attempt still unrecorded this long after its timeout belongs to a dead worker: it is taken again. */
const LEASE_MARGIN_MS = 60_000;
const USER_AGENT = 'Vetted-Webhooks/1';

/** Sends due deliveries, signed, and records each attempt; failures wait on the retry schedule. */
@Injectable()
export class WebhookDeliverer {
  private readonly logger = new Logger(WebhookDeliverer.name);
  private readonly policy: AddressPolicy;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly deliveries: WebhookDeliveryRepository,
    @Optional() @Inject(WEBHOOK_TIMING) private readonly timing: WebhookTiming = DEFAULT_WEBHOOK_TIMING,
    @Optional() @Inject(OUTBOUND_NETWORK) private readonly network: OutboundNetwork = SYSTEM_NETWORK,
  ) {
    this.policy = new AddressPolicy(config.webhooks.addresses);
  }

  /** Attempts a batch of the deliveries due now; returns how many it attempted. */
  async deliverDue(): Promise<number> {
    const now = this.timing.now();
    const leaseUntil = new Date(now.getTime() + this.config.webhooks.timeoutMs + LEASE_MARGIN_MS);
    const claimed = await this.deliveries.claimDue(now, leaseUntil, BATCH);
    await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    return claimed.length;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const body = webhookBody(delivery.event);
    // Receivers check the timestamp against their own clock: it is always the real time of sending.
    const signature = signWebhook(delivery.secret, delivery.event.id, new Date(), body);
    const outcome = await postWebhook(
      { url: delivery.url, headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...signature }, body },
      { policy: this.policy, network: this.network, timeoutMs: this.config.webhooks.timeoutMs, connectTimeoutMs: CONNECT_TIMEOUT_MS },
    );
    const now = this.timing.now();
    const delay = outcome.ok ? undefined : retryDelayMs(delivery.attempt, () => this.timing.random());
    const retryAt = delay === undefined ? undefined : new Date(now.getTime() + delay);
    const recorded = await this.deliveries.recordOutcome(delivery, outcome, retryAt, this.config.webhooks.disableAfter, now);
    // The webhook's id, never its URL (URLs often carry tokens) nor its secret.
    if (recorded.disabledReason) this.logger.warn(`webhook ${delivery.webhookId}: ${recorded.disabledReason}`);
  }
}

import { Injectable } from '@nestjs/common';
import { decodeTimeCursor, DomainError, encodeTimeCursor } from '@vetted/domain';
import { AuditRepository } from '../audit/audit.repository.js';
import { ActorDirectory } from '../auth/actor-directory.js';
import type { Principal } from '../auth/principal.js';
import { type Page, pageFrom } from '../http/pagination.js';
import { Transactions } from '../infra/transactions.js';
import { toDeliveryView } from './webhook.mapper.js';
import { WebhookRepository } from './webhook.repository.js';
import type { DeliveryView, ListDeliveriesQuery } from './webhook.schemas.js';
import { WebhookService } from './webhook.service.js';

/** A webhook's delivery log, and redelivery on request. */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    private readonly transactions: Transactions,
    private readonly webhooks: WebhookService,
    private readonly repository: WebhookRepository,
    private readonly audit: AuditRepository,
    private readonly actors: ActorDirectory,
  ) {}

  async list(webhookId: string, query: ListDeliveriesQuery): Promise<Page<DeliveryView>> {
    await this.webhooks.existing(webhookId);
    const after = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
    const rows = await this.repository.deliveries(webhookId, query.status, after, query.limit + 1);
    const names = await this.actors.describe(rows.map((row) => row.requestedBy));
    return pageFrom(rows, query.limit, (row) => toDeliveryView(row, names), encodeTimeCursor);
  }

  /** Sends the delivery's event again, as a new delivery with the same webhook-id (receivers may drop it as a duplicate). */
  async redeliver(principal: Principal, webhookId: string, deliveryId: string): Promise<DeliveryView> {
    const delivery = await this.transactions.run(async (tx) => {
      const webhook = await this.webhooks.existing(webhookId, tx);
      if (!webhook.enabled) {
        throw DomainError.conflict('webhook_disabled', `Webhook ${webhookId} is disabled: enable it first (PATCH enabled: true)`);
      }
      const original = await this.repository.findDelivery(tx, webhookId, deliveryId);
      if (!original) throw DomainError.notFound('delivery_not_found', `Webhook ${webhookId} has no delivery ${deliveryId}`);
      const created = await this.repository.redeliver(tx, original, principal.actor);
      await this.audit.record(tx, {
        actor: principal.actor,
        action: 'webhook.redelivery_requested',
        subjectType: 'webhook',
        subjectId: webhookId,
        data: { delivery: created.id, of: original.id, event: original.eventId },
      });
      return created;
    });
    return toDeliveryView(delivery, new Map([[principal.actor, { name: principal.name, role: principal.role }]]));
  }
}

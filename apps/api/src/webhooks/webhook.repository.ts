import { Injectable } from '@nestjs/common';
import type { Prisma, WebhookDelivery, WebhookDeliveryStatus } from '@vetted/db';
import type { TimeCursor } from '@vetted/domain';
import { olderThan } from '../http/pagination.js';
import { PrismaService, type Transaction } from '../infra/prisma.service.js';
import type { StoredWebhook } from './webhook.mapper.js';

/** The secret is written here and never read back: the worker alone reads it, to sign. */
const WITHOUT_SECRET = { secret: true } as const;

export interface NewWebhook {
  url: string;
  events: string[];
  namespace: string | null;
  description: string;
  enabled: boolean;
  secret: string;
  createdBy: string;
}

export type WebhookChanges = Omit<Prisma.WebhookUpdateInput, 'secret' | 'deliveries'>;

@Injectable()
export class WebhookRepository {
  constructor(private readonly db: PrismaService) {}

  create(tx: Transaction, data: NewWebhook): Promise<StoredWebhook> {
    return tx.webhook.create({ data, omit: WITHOUT_SECRET });
  }

  list(): Promise<StoredWebhook[]> {
    return this.db.webhook.findMany({ omit: WITHOUT_SECRET, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  /** Locked for the rest of the transaction when one is given, so concurrent changes apply one after the other. */
  async find(id: string, tx?: Transaction): Promise<StoredWebhook | null> {
    if (tx) await tx.$queryRaw`SELECT 1 FROM webhooks WHERE id = ${id}::uuid FOR UPDATE`;
    return (tx ?? this.db).webhook.findUnique({ where: { id }, omit: WITHOUT_SECRET });
  }

  update(tx: Transaction, id: string, data: WebhookChanges): Promise<StoredWebhook> {
    return tx.webhook.update({ where: { id }, data, omit: WITHOUT_SECRET });
  }

  async replaceSecret(tx: Transaction, id: string, secret: string): Promise<void> {
    await tx.webhook.update({ where: { id }, data: { secret } });
  }

  /** Its deliveries go with it. */
  async delete(tx: Transaction, id: string): Promise<void> {
    await tx.webhook.delete({ where: { id } });
  }

  /** Newest first, after `after` in (createdAt DESC, id DESC) order. */
  deliveries(
    webhookId: string,
    status: WebhookDeliveryStatus | undefined,
    after: TimeCursor | undefined,
    limit: number,
  ): Promise<WebhookDelivery[]> {
    return this.db.webhookDelivery.findMany({
      where: { webhookId, ...(status ? { status } : {}), ...olderThan(after) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
  }

  findDelivery(tx: Transaction, webhookId: string, id: string): Promise<WebhookDelivery | null> {
    return tx.webhookDelivery.findFirst({ where: { id, webhookId } });
  }

  /** A new delivery of the same event, due now: the worker sends it with the same webhook-id. */
  redeliver(tx: Transaction, original: WebhookDelivery, requestedBy: string): Promise<WebhookDelivery> {
    return tx.webhookDelivery.create({
      data: {
        webhookId: original.webhookId,
        eventId: original.eventId,
        eventType: original.eventType,
        nextAttemptAt: new Date(),
        requestedBy,
        redeliveryOf: original.id,
      },
    });
  }
}

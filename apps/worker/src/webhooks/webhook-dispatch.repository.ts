import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@vetted/db';
import { listEvents } from '@vetted/lifecycle';
import type { EventSubscription } from '@vetted/webhooks';

/** The one dispatcher cursor: every worker shares it and takes turns through its row lock. */
const CURSOR_ID = 'dispatcher';

export interface DispatchableEvent {
  id: string;
  type: string;
  namespace: string | null;
  at: Date;
}

export interface Subscriber extends EventSubscription {
  id: string;
}

export interface NewDelivery {
  webhookId: string;
  eventId: string;
  eventType: string;
  nextAttemptAt: Date;
}

@Injectable()
export class WebhookDispatchRepository {
  constructor(private readonly db: PrismaClient) {}

  /**
   * One step of dispatching, in one transaction: lock the cursor (undefined when another worker holds
   * it), read the next committed events after it, write the deliveries `plan` makes of them for the
   * enabled webhooks, and move the cursor past them. Deliveries and cursor commit together: a worker
   * that dies halfway leaves nothing done, and nothing is dispatched twice.
   */
  dispatchNext(
    limit: number,
    plan: (events: readonly DispatchableEvent[], webhooks: readonly Subscriber[]) => NewDelivery[],
  ): Promise<{ events: number; deliveries: number } | undefined> {
    return this.db.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO webhook_cursors (id) VALUES (${CURSOR_ID}) ON CONFLICT DO NOTHING`;
      const [cursor] = await tx.$queryRaw<
        { seq: bigint }[]
      >`SELECT seq FROM webhook_cursors WHERE id = ${CURSOR_ID} FOR UPDATE SKIP LOCKED`;
      if (!cursor) return undefined;
      // Events are numbered in commit order (recordEvent): moving the cursor past one never skips another.
      const events = await listEvents(tx, { after: cursor.seq, limit });
      const last = events.at(-1);
      if (!last) return { events: 0, deliveries: 0 };
      const webhooks = await tx.webhook.findMany({
        where: { enabled: true },
        select: { id: true, events: true, namespace: true, createdAt: true },
      });
      const deliveries = plan(events, webhooks);
      await tx.webhookDelivery.createMany({ data: deliveries });
      await tx.webhookCursor.update({ where: { id: CURSOR_ID }, data: { seq: last.seq } });
      return { events: events.length, deliveries: deliveries.length };
    });
  }
}

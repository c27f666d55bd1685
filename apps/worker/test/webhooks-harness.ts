import type { Config } from '@vetted/config';
import type { PrismaClient } from '@vetted/db';
import { type NewDomainEvent, recordEvent } from '@vetted/lifecycle';
import { type OutboundNetwork, SYSTEM_NETWORK } from '@vetted/webhooks';
import { WebhookDeliverer } from '../src/webhooks/webhook-deliverer.js';
import { WebhookDeliveryRepository } from '../src/webhooks/webhook-delivery.repository.js';
import { WebhookDispatchRepository } from '../src/webhooks/webhook-dispatch.repository.js';
import { WebhookDispatcher } from '../src/webhooks/webhook-dispatcher.js';
import type { WebhookTiming } from '../src/webhooks/webhook-timing.js';

/** The clock deliveries are scheduled by, moved by the test instead of waited for. */
export class TestClock {
  private time = Date.now();
  readonly now = (): Date => new Date(this.time);
  advance(ms: number): void {
    this.time += ms;
  }
}

/** The worker's webhook services on their own database connection, driven round by round (no jitter). */
export function webhookWorker(config: Config, db: PrismaClient, clock: TestClock, network: OutboundNetwork = SYSTEM_NETWORK) {
  const timing: WebhookTiming = { pollMs: 50, now: clock.now, random: () => 0 };
  const dispatcher = new WebhookDispatcher(new WebhookDispatchRepository(db), timing);
  const deliverer = new WebhookDeliverer(config, new WebhookDeliveryRepository(db), timing, network);
  return {
    dispatcher,
    deliverer,
    /** What one tick of the worker's loop does. */
    async round(): Promise<void> {
      await dispatcher.dispatchNew();
      await deliverer.deliverDue();
    },
  };
}

/** How long the tests wait for a dispatch or delivery to show (a ceiling for a loaded machine). */
export const DELIVERY_WAIT = { timeout: 60_000, interval: 50 };

export function modelCreated(namespace: string, name: string): NewDomainEvent {
  return {
    type: 'model.created',
    actor: 'key:00000000-0000-4000-8000-000000000001',
    actorName: 'Paula Publisher',
    subjectType: 'model',
    subjectId: `${namespace}/${name}`,
    namespace,
    payload: { model: `${namespace}/${name}`, source: 'upload' },
  };
}

export function versionApproved(namespace: string, name: string): NewDomainEvent {
  return {
    type: 'version.approved',
    actor: 'key:00000000-0000-4000-8000-000000000002',
    actorName: 'Rolf Reviewer',
    subjectType: 'model_version',
    subjectId: `${namespace}/${name}@1.0`,
    namespace,
    payload: { model: `${namespace}/${name}`, version: '1.0', commitSha: null, comment: 'ship it' },
  };
}

/** Commits the event as a lifecycle change would; returns its id. */
export async function commitEvent(db: PrismaClient, event: NewDomainEvent): Promise<string> {
  await db.$transaction((tx) => recordEvent(tx, event));
  const row = await db.domainEvent.findFirst({ where: { subjectId: event.subjectId, type: event.type }, orderBy: { seq: 'desc' } });
  return row!.id;
}

/** Whether the dispatcher's cursor has passed this event. */
export async function dispatched(db: PrismaClient, eventId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ passed: boolean }[]>`
    SELECT c.seq >= e.seq AS passed FROM webhook_cursors c, domain_events e WHERE c.id = 'dispatcher' AND e.id = ${eventId}::uuid`;
  return rows[0]?.passed ?? false;
}

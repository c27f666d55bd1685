import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@vetted/db';
import { recordAudit } from '@vetted/lifecycle';
import type { PostOutcome, WebhookEvent } from '@vetted/webhooks';

/** A delivery a worker has taken for one attempt, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  /** This attempt's number (1 for the first). */
  attempt: number;
  webhookId: string;
  url: string;
  secret: string;
  event: WebhookEvent;
}

type ClaimedRow = Omit<ClaimedDelivery, 'event'> & WebhookEvent & { eventId: string };

export interface RecordedOutcome {
  /** This failure was one too many: the webhook is now disabled, for this reason. */
  disabledReason?: string;
}

@Injectable()
export class WebhookDeliveryRepository {
  constructor(private readonly db: PrismaClient) {}

  /**
   * Takes up to `limit` pending deliveries due at `now` whose webhook is enabled: counts the attempt and
   * moves their due time to `leaseUntil`, so that a delivery whose worker dies mid-attempt is taken
   * again then. Rows another worker is taking are skipped, never waited for.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    const rows = await this.db.$queryRaw<ClaimedRow[]>`
      WITH due AS (
        SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= ${now} AND w.enabled
        ORDER BY d.next_attempt_at
        LIMIT ${limit}
        FOR UPDATE OF d SKIP LOCKED
      )
      UPDATE webhook_deliveries d
      SET attempts = d.attempts + 1, last_attempt_at = ${now}, next_attempt_at = ${leaseUntil}
      FROM due, webhooks w, domain_events e
      WHERE d.id = due.id AND w.id = d.webhook_id AND e.id = d.event_id
      RETURNING d.id, d.attempts AS attempt, w.id AS "webhookId", w.url, w.secret,
                e.id AS "eventId", e.type, e.at, e.actor, e.actor_name AS "actorName", e.subject_type AS "subjectType",
                e.subject_id AS "subjectId", e.namespace, e.payload`;
    return rows.map(({ id, attempt, webhookId, url, secret, eventId, ...event }) => ({
      id,
      attempt,
      webhookId,
      url,
      secret,
      event: { ...event, id: eventId },
    }));
  }

  /**
   * Records an attempt's outcome: the delivery succeeds, waits for `retryAt`, or fails for good (no
   * `retryAt`); the webhook's run of failures ends or grows, and reaching `disableAfter` disables it.
   * Nothing is written when another worker has taken the delivery over since (this attempt outlived
   * its lease).
   */
  recordOutcome(
    delivery: ClaimedDelivery,
    outcome: PostOutcome,
    retryAt: Date | undefined,
    disableAfter: number,
    now: Date,
  ): Promise<RecordedOutcome> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.webhookDelivery.updateMany({
        where: { id: delivery.id, attempts: delivery.attempt, status: 'pending' },
        data: {
          status: outcome.ok ? 'succeeded' : retryAt ? 'pending' : 'failed',
          nextAttemptAt: outcome.ok ? null : (retryAt ?? null),
          responseStatus: outcome.status,
          responseBody: outcome.responseBody,
          durationMs: outcome.durationMs,
          error: outcome.error,
        },
      });
      if (count === 0) return {};
      if (outcome.ok) {
        await tx.webhook.updateMany({
          where: { id: delivery.webhookId, consecutiveFailures: { gt: 0 } },
          data: { consecutiveFailures: 0 },
        });
        return {};
      }
      const webhook = await tx.webhook.update({ where: { id: delivery.webhookId }, data: { consecutiveFailures: { increment: 1 } } });
      if (!webhook.enabled || webhook.consecutiveFailures < disableAfter) return {};
      const disabledReason = `Disabled after ${webhook.consecutiveFailures} failed delivery attempts in a row; the last: ${outcome.error ?? 'unknown'}`;
      await tx.webhook.update({ where: { id: webhook.id }, data: { enabled: false, disabledReason, disabledAt: now } });
      await recordAudit(tx, {
        actor: 'worker',
        action: 'webhook.disabled',
        subjectType: 'webhook',
        subjectId: webhook.id,
        data: { reason: disabledReason },
      });
      return { disabledReason };
    });
  }
}

import type { DomainEvent, Prisma } from '@vetted/db';
import { EVENT_PAYLOADS, type EventType, type NewDomainEvent } from './domain-event.js';

type Db = Prisma.TransactionClient;

/**
 * Taken before an event's sequence number and held until its transaction ends: events get their numbers
 * in commit order, so a reader that pages by `seq` can never pass an event that commits later with a
 * smaller one. Events come last in their transactions, so the lock is held briefly.
 */
export const EVENT_ORDER_LOCK = 0x76_65_74_74_65_64n; // "vetted"

/** Written in the transaction of the change it describes: the change and its event commit together or not at all. */
export async function recordEvent(tx: Db, event: NewDomainEvent): Promise<void> {
  const payload = EVENT_PAYLOADS[event.type].parse(event.payload) as Prisma.InputJsonValue;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EVENT_ORDER_LOCK})`;
  await tx.domainEvent.create({ data: { ...event, payload } });
}

export interface EventFilter {
  types?: readonly EventType[] | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  namespace?: string | undefined;
  /** Events after this sequence number. */
  after?: bigint | undefined;
  limit: number;
}

/** Events in the order they committed (see EVENT_ORDER_LOCK). */
export function listEvents(db: Db, filter: EventFilter): Promise<DomainEvent[]> {
  return db.$queryRaw<DomainEvent[]>`
    SELECT seq, id, type, at, actor, actor_name AS "actorName", subject_type AS "subjectType", subject_id AS "subjectId",
           namespace, payload
    FROM domain_events
    WHERE seq > ${filter.after ?? -1n}
      AND (${filter.types ? [...filter.types] : null}::text[] IS NULL OR type = ANY(${filter.types ? [...filter.types] : null}::text[]))
      AND (${filter.subjectType ?? null}::text IS NULL OR subject_type = ${filter.subjectType ?? null})
      AND (${filter.subjectId ?? null}::text IS NULL OR subject_id = ${filter.subjectId ?? null})
      AND (${filter.namespace ?? null}::text IS NULL OR namespace = ${filter.namespace ?? null})
    ORDER BY seq
    LIMIT ${filter.limit}`;
}

/** The seq of the newest event (0 when there is none): where a reader that wants only what comes next starts. */
export async function latestEventSeq(db: Db): Promise<bigint> {
  const [row] = await db.$queryRaw<{ seq: bigint | null }[]>`SELECT max(seq) AS seq FROM domain_events`;
  return row?.seq ?? 0n;
}

import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@vetted/db';
import type { EventFilter } from '@vetted/lifecycle';
import type { Page } from '../http/pagination.js';
import { EventRepository } from './event.repository.js';
import type { EventView, ListEventsQuery } from './event.schemas.js';

/** The domain events, oldest first, for tools that poll and for the live stream. */
@Injectable()
export class EventService {
  constructor(private readonly events: EventRepository) {}

  async page(query: ListEventsQuery): Promise<Page<EventView>> {
    const events = await this.events.list(toFilter(query, query.limit));
    const last = events.at(-1);
    // The feed never ends: the cursor of the last event read is where the next poll starts.
    return { items: events.map(toEventView), nextCursor: last ? last.seq.toString() : (query.cursor ?? '0') };
  }

  after(query: Omit<ListEventsQuery, 'limit'>, cursor: bigint, limit: number): Promise<DomainEvent[]> {
    return this.events.list({ ...toFilter(query, limit), after: cursor });
  }

  /** The cursor after every event so far: where a stream that wants only what comes next starts. */
  latest(): Promise<bigint> {
    return this.events.latestSeq();
  }
}

function toFilter(query: Omit<ListEventsQuery, 'limit'>, limit: number): EventFilter {
  return {
    types: query.type,
    subjectType: query.subjectType,
    subjectId: query.subjectId,
    namespace: query.namespace,
    after: query.cursor === undefined ? undefined : BigInt(query.cursor),
    limit,
  };
}

export function toEventView(event: DomainEvent): EventView {
  return {
    id: event.id,
    seq: event.seq.toString(),
    type: event.type as EventView['type'],
    at: event.at.toISOString(),
    actor: { id: event.actor, name: event.actorName },
    subject: { type: event.subjectType, id: event.subjectId },
    namespace: event.namespace,
    payload: event.payload as Record<string, unknown>,
  };
}

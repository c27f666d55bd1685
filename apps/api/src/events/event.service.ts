import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@vetted/db';
import { type EventFilter, listEvents } from '@vetted/lifecycle';
import type { Page } from '../http/pagination.js';
import { PrismaService } from '../infra/prisma.service.js';
import type { EventView, ListEventsQuery } from './event.schemas.js';

/** The domain events, oldest first, for tools that poll and for the live stream. */
@Injectable()
export class EventService {
  constructor(private readonly db: PrismaService) {}

  async page(query: ListEventsQuery): Promise<Page<EventView>> {
    const events = await listEvents(this.db, toFilter(query, query.limit));
    const last = events.at(-1);
    // The feed never ends: the cursor of the last event read is where the next poll starts.
    return { items: events.map(toEventView), nextCursor: last ? last.seq.toString() : (query.cursor ?? '0') };
  }

  after(query: Omit<ListEventsQuery, 'limit'>, cursor: bigint, limit: number): Promise<DomainEvent[]> {
    return listEvents(this.db, { ...toFilter(query, limit), after: cursor });
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

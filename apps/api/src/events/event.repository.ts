import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@vetted/db';
import { type EventFilter, latestEventSeq, listEvents } from '@vetted/lifecycle';
import { PrismaService } from '../infra/prisma.service.js';

@Injectable()
export class EventRepository {
  constructor(private readonly db: PrismaService) {}

  /** Oldest first, only events whose transactions can no longer be passed by one still running. */
  list(filter: EventFilter): Promise<DomainEvent[]> {
    return listEvents(this.db, filter);
  }

  /** The seq of the newest event a reader may see now. */
  latestSeq(): Promise<bigint> {
    return latestEventSeq(this.db);
  }
}

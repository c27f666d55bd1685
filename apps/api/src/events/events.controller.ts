import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireRole } from '../auth/access.decorator.js';
import { ApiJsonResponse, ApiProblems, ApiQueryParams } from '../http/openapi.decorators.js';
import { type Page, pageOf } from '../http/pagination.js';
import { validQuery } from '../http/zod.pipe.js';
import { EventStreams } from './event-streams.js';
import { eventView, type EventView, listEventsQuery, type ListEventsQuery } from './event.schemas.js';
import { EventService } from './event.service.js';

/** Events describe unapproved versions too (submitted, rejected): publishers and above read them. */
@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(
    private readonly events: EventService,
    private readonly streams: EventStreams,
  ) {}

  @Get()
  @RequireRole('publisher')
  @ApiQueryParams(listEventsQuery)
  @ApiJsonResponse(200, 'Domain events, oldest first; poll again with nextCursor for what comes after', pageOf(eventView))
  @ApiProblems(400)
  list(@Query(validQuery(listEventsQuery)) query: ListEventsQuery): Promise<Page<EventView>> {
    return this.events.page(query);
  }

  @Get('stream')
  @RequireRole('publisher')
  @ApiQueryParams(listEventsQuery.omit({ limit: true }))
  @ApiProduces('text/event-stream')
  @ApiResponse({
    status: 200,
    description:
      'Server-sent events from now on, or after `cursor`: `id` is the seq (send Last-Event-ID to resume), `event` the type, `data` the event',
  })
  @ApiProblems(400)
  stream(
    @Query(validQuery(listEventsQuery.omit({ limit: true }))) query: Omit<ListEventsQuery, 'limit'>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.streams.stream(request, reply, query);
  }
}

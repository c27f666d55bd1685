import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ListEventsQuery } from './event.schemas.js';
import { EventService, toEventView } from './event.service.js';

/** How often an open stream looks for new events, and sends a comment so proxies keep it open. */
export const STREAM_POLL_MS = 1_000;
const KEEPALIVE_MS = 15_000;
const BATCH = 100;

/**
 * Server-sent events over the same commit-safe feed: each event is sent with its seq as the SSE id, so a
 * client that reconnects with Last-Event-ID misses nothing. Open streams end when the API shuts down.
 */
@Injectable()
export class EventStreams implements OnModuleDestroy {
  private readonly logger = new Logger(EventStreams.name);
  private readonly open = new Set<() => void>();

  constructor(private readonly events: EventService) {}

  async stream(request: FastifyRequest, reply: FastifyReply, query: Omit<ListEventsQuery, 'limit'>): Promise<void> {
    const lastEventId = request.headers['last-event-id'];
    const resumeAfter = typeof lastEventId === 'string' && /^\d{1,19}$/.test(lastEventId) ? lastEventId : query.cursor;
    // With nowhere to resume from, a stream is for what happens next (a live page); history is the cursor's job.
    let cursor = resumeAfter === undefined ? await this.events.latest() : BigInt(resumeAfter);
    if (request.raw.socket.destroyed) return; // gone while we looked: no close event would end the stream
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // The id names where this stream starts, so a client that reconnects before any event still misses none.
    reply.raw.write(`retry: 3000\nid: ${cursor}\n\n`);
    let busy = false;
    const poll = async () => {
      if (busy) return;
      busy = true;
      try {
        for (const event of await this.events.after(query, cursor, BATCH)) {
          reply.raw.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(toEventView(event))}\n\n`);
          cursor = event.seq;
        }
      } catch (error) {
        this.logger.warn(`event stream ${request.id}: ${String(error)}`);
      } finally {
        busy = false;
      }
    };
    const polling = setInterval(() => void poll(), STREAM_POLL_MS);
    const keepalive = setInterval(() => reply.raw.write(': keep-alive\n\n'), KEEPALIVE_MS);
    const close = () => {
      clearInterval(polling);
      clearInterval(keepalive);
      this.open.delete(close);
      reply.raw.end();
    };
    this.open.add(close);
    request.raw.on('close', close);
    void poll();
  }

  onModuleDestroy(): void {
    for (const close of [...this.open]) close();
  }
}

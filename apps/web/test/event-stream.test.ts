import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../src/api/api-types';
import { openEventStream, type StreamState } from '../src/live/event-stream';

type Respond = (request: IncomingMessage, response: ServerResponse) => void;

/** A loopback HTTP server answering the n-th request with the n-th handler, recording what came. */
class StreamServer {
  readonly requests: IncomingHttpHeaders[] = [];
  readonly closedRequests: number[] = [];
  private readonly server: Server;

  constructor(private readonly handlers: Respond[]) {
    this.server = createServer((request, response) => {
      const index = this.requests.push(request.headers) - 1;
      request.on('close', () => this.closedRequests.push(index));
      const handler = this.handlers[index] ?? ((_, res: ServerResponse) => res.writeHead(503).end());
      handler(request, response);
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/events/stream`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const sse = (...frames: string[]): Respond => {
  return (_, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const frame of frames) response.write(frame);
  };
};
const eventFrame = (seq: number, type = 'model.created') =>
  `id: ${seq}\nevent: ${type}\ndata: ${JSON.stringify({ seq: String(seq), type, payload: { model: `acme/m${seq}` } })}\n\n`;
const status =
  (code: number): Respond =>
  (_, response) =>
    response.writeHead(code).end();

describe('the event stream connection', () => {
  let server: StreamServer | undefined;
  let close: (() => void) | undefined;
  const events: DomainEvent[] = [];
  const states: StreamState[] = [];
  const refused: number[] = [];

  beforeEach(() => {
    events.length = 0;
    states.length = 0;
    refused.length = 0;
  });
  afterEach(async () => {
    close?.();
    await server?.close();
  });

  const follow = async (handlers: Respond[], options: { retryMs?: number; idleTimeoutMs?: number } = {}) => {
    server = new StreamServer(handlers);
    close = openEventStream({
      url: await server.listen(),
      key: 'hf_test',
      onEvents: (batch) => events.push(...batch),
      onState: (state) => states.push(state),
      onRefused: (code) => refused.push(code),
      ...options,
    });
    return server;
  };

  it('sends the key, delivers events, and resumes after the last id when the connection drops', async () => {
    const stream = await follow([
      (request, response) => {
        sse('retry: 5\nid: 10\n\n', eventFrame(11))(request, response);
        response.end();
      },
      sse(eventFrame(12, 'version.submitted')),
    ]);
    await vi.waitFor(() => expect(events.map((event) => event.seq)).toEqual(['11', '12']));
    expect(stream.requests[0]).toMatchObject({ authorization: 'Bearer hf_test', accept: 'text/event-stream' });
    expect(stream.requests[0]!['last-event-id']).toBeUndefined();
    expect(stream.requests[1]!['last-event-id']).toBe('11');
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);

    close!();
    await vi.waitFor(() => expect(stream.closedRequests).toContain(1));
    expect(stream.requests).toHaveLength(2);
  });

  it('resumes from the id the stream started at when it drops before any event', async () => {
    const stream = await follow([
      (request, response) => {
        sse('retry: 5\nid: 40\n\n')(request, response);
        response.end();
      },
      sse(eventFrame(41)),
    ]);
    await vi.waitFor(() => expect(events.map((event) => event.seq)).toEqual(['41']));
    expect(stream.requests[1]!['last-event-id']).toBe('40');
  });

  it('tries again while the API is unavailable, then follows it', async () => {
    const stream = await follow([status(503), status(502), sse(eventFrame(1))], { retryMs: 5 });
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(stream.requests).toHaveLength(3);
    expect(states).toEqual(['connecting', 'reconnecting', 'reconnecting', 'connected']);
  });

  it('stops for good when the API refuses the key', async () => {
    const stream = await follow([status(401), sse(eventFrame(1))], { retryMs: 5 });
    await vi.waitFor(() => expect(refused).toEqual([401]));
    expect(states).toEqual(['connecting']);
    expect(stream.requests).toHaveLength(1);
  });

  it('reconnects when the connection falls silent', async () => {
    const stream = await follow([sse('retry: 5\n\n'), sse(eventFrame(3))], { idleTimeoutMs: 300 });
    await vi.waitFor(() => expect(events).toHaveLength(1), { timeout: 5_000 });
    expect(stream.closedRequests).toContain(0);
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
  });

  it('skips data that is not an event', async () => {
    await follow([sse('data: not json\n\n', 'data: {"seq":"1"}\n\n', eventFrame(2))]);
    await vi.waitFor(() => expect(events.map((event) => event.seq)).toEqual(['2']));
  });
});

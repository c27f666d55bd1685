import type { DomainEvent } from '../api/api-types';
import { reconnectDelay } from './reconnect-delay';
import { type SseMessage, SseParser } from './sse-parser';

export type StreamState = 'connecting' | 'connected' | 'reconnecting';

export interface EventStreamOptions {
  /** The API's `/v1/events/stream`, with any filters. */
  url: string;
  /** Null for a browser session: its cookie goes along by itself. */
  key: string | null;
  /** The events of one read, in order: replays after a reconnect arrive together. */
  onEvents: (events: DomainEvent[]) => void;
  onState: (state: StreamState) => void;
  /** The API refused the key (401) or its role (403): trying again cannot help, so the stream stops. */
  onRefused: (status: number) => void;
  /** The first wait before reconnecting when the server named none (`retry`), doubled per failure up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** The server comments every 15 s: this long without a byte means the connection died without a word. */
  idleTimeoutMs?: number;
}

type Attempt = { opened: boolean; refused?: number };

/**
 * Follows the API's event stream until the returned function is called: reconnects with backoff after a
 * drop, sending Last-Event-ID so nothing that happened meanwhile is missed.
 */
export function openEventStream(options: EventStreamOptions): () => void {
  const { retryMs = 1_000, maxRetryMs = 60_000, idleTimeoutMs = 45_000 } = options;
  const closed = new AbortController();
  let lastEventId = '';
  let serverRetryMs: number | undefined;

  const readOnce = async (): Promise<Attempt> => {
    const attempt = new AbortController();
    const abort = () => attempt.abort();
    closed.signal.addEventListener('abort', abort);
    let idle: ReturnType<typeof setTimeout> | undefined;
    const watchIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(abort, idleTimeoutMs);
    };
    let opened = false;
    try {
      watchIdle();
      const response = await fetch(options.url, {
        headers: {
          ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
          accept: 'text/event-stream',
          ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
        },
        cache: 'no-store',
        signal: attempt.signal,
      });
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        return response.status === 401 || response.status === 403 ? { opened, refused: response.status } : { opened };
      }
      opened = true;
      options.onState('connected');
      const parser = new SseParser(lastEventId);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        watchIdle();
        const { done, value } = await reader.read();
        if (done) return { opened };
        const events = parser.push(value).flatMap(eventOf);
        lastEventId = parser.lastEventId;
        serverRetryMs = parser.retryMs ?? serverRetryMs;
        if (events.length > 0) options.onEvents(events);
      }
    } catch {
      return { opened }; // the network, the idle watch or close() ended it
    } finally {
      clearTimeout(idle);
      closed.signal.removeEventListener('abort', abort);
    }
  };

  const follow = async () => {
    options.onState('connecting');
    let failures = 0;
    for (;;) {
      const { opened, refused } = await readOnce();
      if (closed.signal.aborted) return;
      if (refused !== undefined) {
        options.onRefused(refused);
        return;
      }
      failures = opened ? 1 : failures + 1;
      options.onState('reconnecting');
      await wait(reconnectDelay(failures, serverRetryMs ?? retryMs, maxRetryMs), closed.signal);
      if (closed.signal.aborted) return;
    }
  };
  void follow();
  return () => closed.abort();
}

function eventOf(message: SseMessage): DomainEvent[] {
  try {
    const event = JSON.parse(message.data) as Partial<DomainEvent> | null;
    const isEvent = typeof event?.type === 'string' && typeof event.payload === 'object' && event.payload !== null;
    return isEvent ? [event as DomainEvent] : [];
  } catch {
    return []; // not an event of this API: nothing to act on
  }
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

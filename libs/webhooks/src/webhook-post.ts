import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { type GuardedSocketOptions, openGuardedSocket } from './guarded-socket.js';

/** Of the receiver's answer, only this much is read and kept for the delivery log. */
export const RESPONSE_BYTES_KEPT = 4096;
const LOCATION_CHARACTERS_KEPT = 200;

export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface PostOptions extends GuardedSocketOptions {
  /** The whole attempt: resolving, connecting, sending and reading the answer. */
  timeoutMs: number;
}

/** What one attempt found: a 2xx is a success, anything else (a redirect included) a failure. */
export interface PostOutcome {
  ok: boolean;
  status: number | null;
  durationMs: number;
  error: string | null;
  /** The start of the answer's body, as text: the receiver's words, shown to admins, never acted on. */
  responseBody: string | null;
}

/**
 * POSTs one signed message. Redirects are not followed (a receiver could point Vetted anywhere); the
 * answer is read up to RESPONSE_BYTES_KEPT and the connection closed; the attempt never outlasts
 * `timeoutMs`. Never throws: every failure is an outcome for the delivery log.
 */
export function postWebhook(post: WebhookPost, options: PostOptions): Promise<PostOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let request: http.ClientRequest | undefined;
    const finish = (outcome: Omit<PostOutcome, 'durationMs'>) => {
      clearTimeout(timer);
      request?.destroy();
      resolve({ ...outcome, durationMs: Math.round(performance.now() - started) });
    };
    const fail = (error: unknown) => finish({ ok: false, status: null, error: messageOf(error), responseBody: null });
    const timer = setTimeout(() => fail(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    try {
      const url = new URL(post.url);
      const transport = url.protocol === 'https:' ? https : http;
      request = transport.request(
        url,
        {
          method: 'POST',
          headers: { ...post.headers, 'content-length': Buffer.byteLength(post.body).toString(), connection: 'close' },
          createConnection: (_options: unknown, done: (error: Error | null, socket?: Socket) => void) => {
            openGuardedSocket(url, options).then(
              (socket) => done(null, socket),
              (error: Error) => done(error),
            );
            return undefined;
          },
        } as http.RequestOptions,
        (response) => {
          void readStart(response, RESPONSE_BYTES_KEPT).then((responseBody) => {
            const status = response.statusCode ?? 0;
            finish({ ok: status >= 200 && status < 300, status, error: answerProblem(status, response.headers.location), responseBody });
          }, fail);
        },
      );
      request.on('error', fail);
      request.end(post.body);
    } catch (error) {
      fail(error);
    }
  });
}

function answerProblem(status: number, location: string | undefined): string | null {
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) {
    return `redirect (${status}) to ${(location ?? 'nowhere').slice(0, LOCATION_CHARACTERS_KEPT)} not followed`;
  }
  return `answered ${status}`;
}

/** The first `limit` bytes of the body as text; the rest is never read. */
async function readStart(response: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= limit) break;
  }
  // PostgreSQL text holds no NUL; a receiver's bytes are shown, never interpreted.
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8').replaceAll('\0', '\uFFFD');
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@vetted/domain';
import type { FastifyReply } from 'fastify';
import { CONFIG, type Config } from '../infra/config.provider.js';

export type LimitedAction = 'writes' | 'downloads';

const WINDOW_SECONDS = 60;
const WINDOW_MS = WINDOW_SECONDS * 1000;
const MAX_TRACKED = 100_000;

/**
 * Requests per caller per minute (fixed window), for writes and downloads. Counted per API process:
 * with N replicas a caller gets up to N times the limit, which is enough to stop a runaway client.
 */
@Injectable()
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts one request of `caller` (a key's actor, or a client address); past the limit, throws 429.
   * With a reply, a refusal also carries the Hub's RateLimit headers (IETF draft, as huggingface.co sends them).
   */
  take(caller: string, action: LimitedAction, reply?: FastifyReply): void {
    const limit = this.config.rateLimits[action];
    if (limit === 0) return;
    const now = this.now();
    const key = `${action}:${caller}`;
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size >= MAX_TRACKED) this.windows.clear();
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (++window.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
      void reply
        ?.header('RateLimit', `"${action}";r=0;t=${retryAfter}`)
        .header('RateLimit-Policy', `"fixed window";"${action}";q=${limit};w=${WINDOW_SECONDS}`);
      throw new DomainError(
        'rate_limited',
        'rate_limited',
        `More than ${limit} ${action} a minute for this caller; retry in ${retryAfter} s`,
        [],
        retryAfter,
      );
    }
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Which limit a request counts against before it runs; downloads are counted by the file sender, once bytes go out. */
export function limitedAction(method: string, url: string): LimitedAction | undefined {
  if (WRITE_METHODS.has(method)) return url.includes('/paths-info/') ? undefined : 'writes';
  return undefined;
}

import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@vetted/domain';
import { CONFIG, type Config } from '../infra/config.provider.js';

export type LimitedAction = 'writes' | 'downloads';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 100_000;

/**
 * Requests per key per minute (fixed window), for writes and downloads. Counted per API process:
 * with N replicas a key gets up to N times the limit, which is enough to stop a runaway client.
 */
@Injectable()
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly now: () => number = Date.now,
  ) {}

  take(actor: string, action: LimitedAction): void {
    const limit = this.config.rateLimits[action];
    if (limit === 0) return;
    const now = this.now();
    const key = `${action}:${actor}`;
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size >= MAX_TRACKED) this.windows.clear();
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (++window.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
      throw new DomainError(
        'rate_limited',
        'rate_limited',
        `More than ${limit} ${action} a minute for this key; retry in ${retryAfter} s`,
        [],
        retryAfter,
      );
    }
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DOWNLOAD = /\/files\/|\/resolve\//;

/** Which limit a request counts against, if any. */
export function limitedAction(method: string, url: string): LimitedAction | undefined {
  if (WRITE_METHODS.has(method)) return url.includes('/paths-info/') ? undefined : 'writes';
  if ((method === 'GET' || method === 'HEAD') && DOWNLOAD.test(url.split('?')[0] ?? '')) return 'downloads';
  return undefined;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The wait after each failed attempt: Standard Webhooks' suggested schedule, stretched so that a receiver
 * that is down for a day still gets every message (eight attempts over about 31 hours).
 */
export const RETRY_DELAYS_MS: readonly number[] = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 14 * HOUR];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** Up to this share is added to each wait, so retries of many deliveries do not all land at once. */
const JITTER = 0.2;

/**
 * How long to wait after the `failedAttempts`-th failure before trying again; undefined once the
 * delivery has used all its attempts. `random` returns a number in [0, 1), like Math.random.
 */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number | undefined {
  const base = RETRY_DELAYS_MS[failedAttempts - 1];
  return base === undefined ? undefined : Math.round(base * (1 + JITTER * random()));
}

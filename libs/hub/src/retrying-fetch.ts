export interface RetryPolicy {
  attempts: number;
  /** First wait; doubles on each further attempt. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500 };

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A fetch that retries network errors, timeouts and 5xx answers with exponential backoff. Hub reads
 * are idempotent GET/HEAD/POST-of-queries, so repeating them is safe.
 */
export function retryingFetch(policy: RetryPolicy = DEFAULT_RETRY, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    for (let attempt = 1; ; attempt++) {
      try {
        // Metadata calls are small: one that hangs this long is retried rather than waited on forever.
        const response = await inner(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(60_000) });
        if (!RETRYABLE_STATUS.has(response.status) || attempt >= policy.attempts) return response;
        await response.body?.cancel();
      } catch (error) {
        if (attempt >= policy.attempts || init?.signal?.aborted) throw error;
      }
      await sleep(policy.baseDelayMs * 2 ** (attempt - 1));
    }
  };
}

/** Injection token for WebhookTiming; tests move the clock instead of waiting, the worker uses DEFAULT_WEBHOOK_TIMING. */
export const WEBHOOK_TIMING = Symbol('WEBHOOK_TIMING');

export interface WebhookTiming {
  /** How often each worker looks for new events and due deliveries. */
  pollMs: number;
  /** The clock deliveries are scheduled by. */
  now(): Date;
  /** A number in [0, 1) for the retry jitter. */
  random(): number;
}

export const DEFAULT_WEBHOOK_TIMING: WebhookTiming = { pollMs: 1000, now: () => new Date(), random: Math.random };

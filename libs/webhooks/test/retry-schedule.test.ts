import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelayMs, wantsEvent } from '../src/index.js';

describe('the retry schedule', () => {
  it('backs off exponentially and keeps trying for more than a day', () => {
    expect(RETRY_DELAYS_MS.slice(0, 3)).toEqual([5_000, 300_000, 1_800_000]);
    for (let index = 1; index < RETRY_DELAYS_MS.length; index += 1)
      expect(RETRY_DELAYS_MS[index]).toBeGreaterThan(RETRY_DELAYS_MS[index - 1]!);
    expect(RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0)).toBeGreaterThan(24 * 3600_000);
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it('adds up to 20 % jitter and stops after the last attempt', () => {
    expect(retryDelayMs(1, () => 0)).toBe(5_000);
    expect(retryDelayMs(1, () => 0.999_999)).toBe(6_000);
    expect(retryDelayMs(2, () => 0.5)).toBe(330_000);
    expect(retryDelayMs(MAX_ATTEMPTS - 1, () => 0)).toBe(14 * 3600_000);
    expect(retryDelayMs(MAX_ATTEMPTS, () => 0)).toBeUndefined();
  });
});

describe('event subscriptions', () => {
  const createdAt = new Date('2026-12-05T10:00:00Z');
  const event = { type: 'version.approved', namespace: 'acme', at: new Date('2026-12-05T10:00:01Z') };

  it('match by type (none listed: all) and namespace (none: all), for events after the webhook was made', () => {
    expect(wantsEvent({ events: [], namespace: null, createdAt }, event)).toBe(true);
    expect(wantsEvent({ events: ['version.approved', 'version.revoked'], namespace: 'acme', createdAt }, event)).toBe(true);
    expect(wantsEvent({ events: ['version.revoked'], namespace: null, createdAt }, event)).toBe(false);
    expect(wantsEvent({ events: [], namespace: 'other', createdAt }, event)).toBe(false);
    expect(wantsEvent({ events: [], namespace: 'acme', createdAt }, { ...event, namespace: null })).toBe(false);
    expect(wantsEvent({ events: [], namespace: null, createdAt }, { ...event, at: new Date('2026-12-05T09:59:59Z') })).toBe(false);
  });
});

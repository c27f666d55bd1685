import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../src/live/reconnect-delay';

describe('reconnect delay', () => {
  it('doubles per failure up to the ceiling, with up to half taken off at random', () => {
    expect([1, 2, 3, 4, 10].map((failures) => reconnectDelay(failures, 1_000, 6_000, () => 1))).toEqual([
      1_000, 2_000, 4_000, 6_000, 6_000,
    ]);
    expect([1, 2, 3].map((failures) => reconnectDelay(failures, 1_000, 6_000, () => 0))).toEqual([500, 1_000, 2_000]);
  });

  it('never waits less than half the base time', () => {
    for (let i = 0; i < 100; i++) expect(reconnectDelay(1, 3_000, 60_000)).toBeGreaterThanOrEqual(1_500);
  });
});

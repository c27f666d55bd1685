import { expect } from 'vitest';
import { FormatError } from '../src/finding.js';

/** The FormatError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function formatErrorOf(promise: Promise<unknown>): Promise<FormatError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FormatError);
  return error as FormatError;
}

/** mulberry32: a small seeded PRNG, so that a fuzz failure replays exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

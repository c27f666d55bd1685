import type { BenchmarkErrorKind } from './benchmark-types.js';

/** A run that cannot go on, with the kind the result reports. Anything else thrown inside the runner is a bug. */
export class BenchmarkFailure extends Error {
  override readonly name = 'BenchmarkFailure';

  constructor(
    readonly kind: BenchmarkErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

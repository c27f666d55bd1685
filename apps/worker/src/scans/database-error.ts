/**
 * SQLSTATE classes a retry cannot fix: 22 data exception (a NUL in text, an unpaired surrogate in JSON,
 * a value out of range), 23 integrity constraint violation. Anything else (a lost connection, a timeout,
 * a deadlock) may pass next time.
 */
const PERMANENT_CLASSES = new Set(['22', '23']);

interface PostgresFailure {
  code: string;
  message: string;
  detail?: string;
}

/** True when writing the same data again would fail the same way. */
export function isPermanentWriteError(error: unknown): boolean {
  const failure = postgresFailureOf(error);
  if (failure) return PERMANENT_CLASSES.has(failure.code.slice(0, 2));
  // Prisma refuses the shape of the data before sending it: no retry changes that either.
  return error instanceof Error && error.name === 'PrismaClientValidationError';
}

/** One line for a reviewer: the database's own words, never Prisma's call site or a stack. */
export function describeWriteError(error: unknown): string {
  const failure = postgresFailureOf(error);
  if (failure) return `${failure.code} ${failure.message}${failure.detail ? ` (${failure.detail})` : ''}`;
  const lines = (error instanceof Error ? error.message : String(error)).split('\n').filter((line) => line.trim() !== '');
  const line = error instanceof Error && error.name.startsWith('PrismaClient') ? lines.at(-1) : lines[0];
  return (line ?? 'unknown error').trim().slice(0, 300);
}

/**
 * The PostgreSQL error behind an error from node-postgres (`code`, `message`, `detail`) or from Prisma's
 * driver adapter (`meta.driverAdapterError.cause` with `originalCode`, `originalMessage`), also as a cause.
 */
function postgresFailureOf(error: unknown): PostgresFailure | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && isObject(current); depth += 1) {
    const adapterCause =
      isObject(current.meta) && isObject(current.meta.driverAdapterError) ? current.meta.driverAdapterError.cause : undefined;
    // Prisma's own codes (P2039…) look like SQLSTATEs but are not: only its adapter's cause counts.
    const prisma = current instanceof Error && current.name.startsWith('PrismaClient');
    for (const candidate of prisma ? [adapterCause] : [current]) {
      if (!isObject(candidate)) continue;
      const code = candidate.originalCode ?? candidate.code;
      if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) continue;
      const message = candidate.originalMessage ?? candidate.message;
      const detail = candidate.detail;
      return { code, message: typeof message === 'string' ? message : '', ...(typeof detail === 'string' ? { detail } : {}) };
    }
    current = current.cause;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

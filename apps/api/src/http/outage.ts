import { DomainError } from '@vetted/domain';
import { BlobStoreUnavailableError } from '@vetted/storage';
import { isDatabaseOutage } from './database-outage.js';

/** What every 503 tells clients to wait: a restarting database or object store is usually back within seconds. */
export const RETRY_AFTER_SECONDS = 5;

/** The 503 for an error that means the database or the weight storage is down; undefined for any other error. */
export function outageError(error: unknown): DomainError | undefined {
  if (error instanceof BlobStoreUnavailableError) {
    return new DomainError(
      'unavailable',
      'storage_unavailable',
      'Weight storage is unavailable; try again shortly',
      [],
      RETRY_AFTER_SECONDS,
    );
  }
  if (isDatabaseOutage(error)) {
    return new DomainError(
      'unavailable',
      'database_unavailable',
      'The database cannot be reached; try again shortly',
      [],
      RETRY_AFTER_SECONDS,
    );
  }
  return undefined;
}

/** The part of an outage's error worth a log line: Prisma puts the cause after an excerpt of the calling code. */
export function outageReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split('\n').at(-1) ?? message;
}

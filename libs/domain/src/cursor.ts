import { DomainError } from './domain-error.js';

/** Opaque pagination cursors: clients pass back what they were given and nothing else. */
export function encodeCursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<K extends string>(cursor: string, keys: readonly K[]): Record<K, string> {
  const invalid = DomainError.invalid([{ field: 'cursor', message: 'is not a cursor returned by this endpoint' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid;
  const record = parsed as Record<string, unknown>;
  for (const key of keys) {
    if (typeof record[key] !== 'string') throw invalid;
  }
  return record as Record<K, string>;
}

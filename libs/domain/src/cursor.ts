import { DomainError } from './domain-error.js';

/** A position in a list ordered by (createdAt DESC, id DESC): unique, so pages never overlap. */
export interface TimeCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Cursors are opaque to clients: they pass back what they were given and nothing else. */
export function encodeTimeCursor(position: TimeCursor): string {
  return Buffer.from(JSON.stringify({ t: position.createdAt.toISOString(), i: position.id }), 'utf8').toString('base64url');
}

export function decodeTimeCursor(cursor: string): TimeCursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { t?: unknown; i?: unknown };
    if (typeof parsed.t === 'string' && typeof parsed.i === 'string' && UUID.test(parsed.i)) {
      const createdAt = new Date(parsed.t);
      if (!Number.isNaN(createdAt.getTime())) return { createdAt, id: parsed.i };
    }
  } catch {
    // fall through to the same answer as any other foreign cursor
  }
  throw DomainError.invalid([{ field: 'cursor', message: 'is not a cursor returned by this endpoint' }], 'invalid_cursor');
}

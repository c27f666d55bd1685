import { decodeTimeCursor, DomainError, encodeTimeCursor } from '@vetted/domain';
import type { ModelRow } from './model.repository.js';
import type { ModelSort, SortPosition } from './model-search.js';

const invalidCursor = () =>
  DomainError.invalid([{ field: 'cursor', message: 'is not a cursor returned by this endpoint for this sort' }], 'invalid_cursor');

/** The position after `row` in the `sort` order, as an opaque cursor. */
export function encodeModelCursor(row: ModelRow, sort: ModelSort): string {
  if (sort === 'recent') return encodeTimeCursor(row);
  const position =
    sort === 'name' ? { s: sort, n: row.namespace, m: row.name } : { s: sort, p: row.parameters?.toString() ?? null, i: row.id };
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeModelCursor(cursor: string, sort: ModelSort): SortPosition {
  if (sort === 'recent') return { sort, ...decodeTimeCursor(cursor) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed !== 'object' || parsed === null || !('s' in parsed) || parsed.s !== sort) throw invalidCursor();
  return position(parsed, sort);
}

const MAX_BIGINT = 2n ** 63n - 1n;

function position(parsed: Record<string, unknown>, sort: 'name' | 'size'): SortPosition {
  if (sort === 'name' && typeof parsed.n === 'string' && typeof parsed.m === 'string') {
    return { sort, namespace: parsed.n, name: parsed.m };
  }
  const id =
    typeof parsed.i === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(parsed.i) ? parsed.i : undefined;
  const parameters =
    parsed.p === null
      ? null
      : typeof parsed.p === 'string' && /^\d{1,19}$/.test(parsed.p) && BigInt(parsed.p) <= MAX_BIGINT
        ? BigInt(parsed.p)
        : undefined;
  if (sort === 'size' && id && parameters !== undefined) return { sort, parameters, id };
  throw invalidCursor();
}

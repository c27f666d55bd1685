import type { TimeCursor } from '@vetted/domain';
import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;

export const pageQuery = {
  cursor: z.string().min(1).max(512).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20).describe(`Page size, at most ${MAX_PAGE_SIZE}`),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A page from `limit + 1` rows fetched in list order: the extra row only says that there is more,
 * and the cursor points at the last row shown.
 */
export function pageFrom<R, T>(rows: R[], limit: number, view: (row: R) => T, cursorOf: (row: R) => string): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { items: shown.map(view), nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** The Prisma `where` for rows after `after` in (createdAt DESC, id DESC) order: the next keyset page. */
export function olderThan(after: TimeCursor | undefined): { OR?: object[] } {
  return after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {};
}

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

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

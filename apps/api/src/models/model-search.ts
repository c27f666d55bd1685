import type { ModelStatus } from '@vetted/db';

export type ModelSort = 'recent' | 'name' | 'size';

/** Where the previous page ended, in the order being listed. */
export type SortPosition =
  | { sort: 'recent'; createdAt: Date; id: string }
  | { sort: 'name'; namespace: string; name: string }
  | { sort: 'size'; parameters: bigint | null; id: string };

export interface ModelSearch {
  /** Words to prefix-match against name, description and tags. */
  words: string[];
  license?: string | undefined;
  task?: string | undefined;
  tag?: string | undefined;
  format?: string | undefined;
  commercialUse?: string | undefined;
  minParameters?: number | undefined;
  maxParameters?: number | undefined;
  status: ModelStatus;
  /** Viewers only see models with at least one approved (or deprecated) version. */
  approvedOnly: boolean;
  sort: ModelSort;
  after?: SortPosition | undefined;
  limit: number;
}

/** Search words reduced to letters, digits and `_`, so user text can never form tsquery syntax. */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return (q.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []).slice(0, 16);
}

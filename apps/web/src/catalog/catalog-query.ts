import type { CommercialUse, ModelListQuery } from '../api/api-types';
import { parseParameters } from '../format/format';

export type CatalogSort = NonNullable<ModelListQuery['sort']>;

/** What the catalog page filters by; kept in the URL so a search can be shared and bookmarked. */
export interface CatalogFilters {
  q: string;
  license: string;
  commercial: CommercialUse | '';
  task: string;
  format: string;
  /** Parameter counts as people write them ("7B", "350M"). */
  minParameters: string;
  maxParameters: string;
  /** '' is the API's default: active models. */
  status: '' | 'archived';
  /** '' is the API's default: most recent first. */
  sort: CatalogSort | '';
}

const FIELDS = [
  'q',
  'license',
  'commercial',
  'task',
  'format',
  'minParameters',
  'maxParameters',
  'status',
  'sort',
] as const satisfies readonly (keyof CatalogFilters)[];

const COMMERCIAL_USES: readonly string[] = ['yes', 'conditional', 'no', 'unknown'] satisfies CommercialUse[];
const SORTS: readonly string[] = ['recent', 'name', 'size'] satisfies CatalogSort[];

export const PAGE_SIZE = 20;

export function filtersFromSearch(search: URLSearchParams): CatalogFilters {
  const text = (name: string) => search.get(name)?.trim() ?? '';
  const commercial = text('commercial');
  const sort = text('sort');
  return {
    q: text('q'),
    license: text('license'),
    commercial: COMMERCIAL_USES.includes(commercial) ? (commercial as CommercialUse) : '',
    task: text('task'),
    format: text('format'),
    minParameters: text('minParameters'),
    maxParameters: text('maxParameters'),
    status: text('status') === 'archived' ? 'archived' : '',
    sort: SORTS.includes(sort) && sort !== 'recent' ? (sort as CatalogSort) : '',
  };
}

/** The URL search string of these filters: set fields only, in a fixed order. */
export function searchOf(filters: CatalogFilters): string {
  const search = new URLSearchParams();
  for (const field of FIELDS) {
    const value = filters[field].trim();
    if (value) search.set(field, value);
  }
  return search.toString();
}

/** Sorting is not filtering: "Clear filters" keeps the order. */
export const hasFilters = (filters: CatalogFilters): boolean => searchOf({ ...filters, sort: '' }) !== '';

/** A parameter bound that cannot be read, to point out next to its field. */
export const invalidBound = (text: string): boolean => text !== '' && parseParameters(text) === undefined;

/** The `GET /v1/models` query for one page of these filters; unreadable bounds are left out. */
export function listQuery(filters: CatalogFilters, cursor: string | undefined): ModelListQuery {
  const query: ModelListQuery = { limit: PAGE_SIZE };
  if (filters.q) query.q = filters.q;
  if (filters.license) query.license = filters.license;
  if (filters.commercial) query.commercial = filters.commercial;
  if (filters.task) query.task = filters.task;
  if (filters.format) query.format = filters.format;
  const min = parseParameters(filters.minParameters);
  const max = parseParameters(filters.maxParameters);
  if (min !== undefined) query.minParameters = min;
  if (max !== undefined) query.maxParameters = max;
  if (filters.status) query.status = filters.status;
  if (filters.sort) query.sort = filters.sort;
  if (cursor) query.cursor = cursor;
  return query;
}

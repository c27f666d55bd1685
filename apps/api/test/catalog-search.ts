import type { ModelSearch } from '../src/models/model-search.js';

/** A viewer's search of active models, newest first, `limit` rows a page, with these changes. */
export const catalogSearch = (limit: number, overrides: Partial<ModelSearch>): ModelSearch => ({
  words: [],
  status: 'active',
  approvedOnly: true,
  sort: 'recent',
  limit,
  ...overrides,
});

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'wouter';
import { dataOf } from '../api/api-error';
import { useApi } from '../auth/auth-context';
import { Empty, ErrorNotice, Loading } from '../components/status-views';
import { usePageTitle } from '../layout/use-page-title';
import { CatalogFilterFields, SearchBox, SortSelect } from './catalog-filters';
import { type CatalogFilters, filtersFromSearch, hasFilters, listQuery, searchOf } from './catalog-query';
import { ModelRow } from './model-row';
import { useLicenses } from './use-licenses';
import { CursorPager, type PageCursors } from '../components/cursor-pager';

export function CatalogPage() {
  usePageTitle('Catalog');
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const licenses = useLicenses();
  const search = searchOf(filters);
  const update = useCallback(
    (patch: Partial<CatalogFilters>) => setSearchParams((current) => searchOf({ ...filtersFromSearch(current), ...patch })),
    [setSearchParams],
  );
  const onSearch = useCallback((q: string) => update({ q }), [update]);
  const clear = () => setSearchParams(searchOf({ ...filtersFromSearch(new URLSearchParams()), sort: filters.sort }));
  // Filters start folded on phones, where they would push the results below the fold.
  const [wide] = useState(() => window.matchMedia('(min-width: 801px)').matches);

  return (
    <div className="catalog">
      <h1>Catalog</h1>
      <div className="catalog-toolbar">
        <SearchBox value={filters.q} onSearch={onSearch} />
        <SortSelect value={filters.sort} onChange={(sort) => update({ sort })} />
      </div>
      <div className="catalog-layout">
        <details className="filters-panel" open={wide}>
          <summary>Filters</summary>
          <CatalogFilterFields filters={filters} licenses={licenses.data} onChange={update} />
          {hasFilters(filters) && (
            <button type="button" className="button-secondary" onClick={clear}>
              Clear filters
            </button>
          )}
        </details>
        {/* A new search starts again at its first page. */}
        <ModelResults key={search} filters={filters} onClear={clear} />
      </div>
    </div>
  );
}

function ModelResults({ filters, onClear }: { filters: CatalogFilters; onClear: () => void }) {
  const api = useApi();
  // Cursors of the pages before the current one, so "Previous" can go back.
  const [cursors, setCursors] = useState<PageCursors>([undefined]);
  const cursor = cursors.at(-1);
  const page = useQuery({
    queryKey: ['models', listQuery(filters, cursor)],
    queryFn: () => dataOf(api.GET('/v1/models', { params: { query: listQuery(filters, cursor) } })),
    placeholderData: keepPreviousData,
  });

  if (page.isPending) return <Loading label="Loading models…" />;
  if (page.isError) return <ErrorNotice error={page.error} onRetry={() => void page.refetch()} />;
  const { items, nextCursor } = page.data;
  return (
    <section className="results" aria-label="Models" aria-busy={page.isFetching}>
      {items.length === 0 ? (
        <Empty title={hasFilters(filters) ? 'No models match these filters' : 'The catalog is empty'}>
          {hasFilters(filters) ? (
            <button type="button" className="button-secondary" onClick={onClear}>
              Clear filters
            </button>
          ) : (
            <p>Publishers add models by importing them from a Hub or uploading files; viewers see them once a version is approved.</p>
          )}
        </Empty>
      ) : (
        <ul className="model-list">
          {items.map((model) => (
            <ModelRow key={model.id} model={model} />
          ))}
        </ul>
      )}
      <CursorPager label="Pages" cursors={cursors} nextCursor={nextCursor} onChange={setCursors} />
    </section>
  );
}

import { Prisma } from '@vetted/db';
import { catalogConditions, catalogProbeTerms, type Summary, summaryFor } from './catalog-filters.js';
import type { ModelSearch, ModelSort, SortPosition } from './model-search.js';

/** How a page is looked for; see catalogPageQuery. */
export interface CatalogPlan {
  /** Rows read in list order before the GIN index is asked how many rows match. */
  window: number;
  /** The most matches fetched to be sorted; a filter with more is walked in list order instead. */
  cap: number;
}

/**
 * At 1M models a walk reads about `limit × models / matches` rows, and fetching the matches to sort
 * them reads `matches` rows: 4,000 keeps both under about 5,000 rows (about 5 ms) for any filter
 * whose matches are spread over the catalog.
 */
export const CATALOG_PLAN: CatalogPlan = { window: 1000, cap: 4000 };

const columns = (summary: Summary): Prisma.Sql =>
  Prisma.raw(`m.id, m.namespace, m.name, m.display_name AS "displayName", m.description, m.task, m.library,
  m.license_id AS "licenseId", m.tags, m.source, m.status, m.created_by AS "createdBy",
  m.created_at AS "createdAt", m.updated_at AS "updatedAt", m.latest_approved_version AS "latestApprovedVersion",
  m.${summary}_parameters AS parameters, coalesce(m.${summary}_formats, '{}') AS formats,
  l.terms->>'commercialUse' AS "commercialUse", m.${summary}_best_latency_ms AS "bestLatencyMs",
  m.${summary}_best_tokens_per_second AS "bestTokensPerSecond"`);

const COLUMNS: Record<Summary, Prisma.Sql> = { public: columns('public'), all: columns('all') };

/** A list order: two columns of `models m` served by one btree index, the last unique. */
interface SortKey {
  first: Prisma.Sql;
  second: Prisma.Sql;
  order: Prisma.Sql;
  /** How a later row compares with an earlier one. */
  later: Prisma.Sql;
}

function sortKey(sort: ModelSort, summary: Summary): SortKey {
  switch (sort) {
    case 'recent':
      return { first: Prisma.raw('m.created_at'), second: Prisma.raw('m.id'), order: Prisma.raw('m.created_at DESC, m.id DESC'), later: Prisma.raw('<') };
    case 'name':
      return { first: Prisma.raw('m.namespace'), second: Prisma.raw('m.name'), order: Prisma.raw('m.namespace ASC, m.name ASC'), later: Prisma.raw('>') };
    case 'size':
      return {
        first: Prisma.raw(`m.${summary}_size_key`),
        second: Prisma.raw('m.id'),
        order: Prisma.raw(`m.${summary}_size_key DESC, m.id DESC`),
        later: Prisma.raw('<'),
      };
  }
}

/** The key values of a position; a size key is the parameter count, or -1 when unknown. */
function keyValues(position: SortPosition): [Prisma.Sql, Prisma.Sql] {
  switch (position.sort) {
    case 'recent':
      return [Prisma.sql`${position.createdAt}`, Prisma.sql`CAST(${position.id} AS uuid)`];
    case 'name':
      return [Prisma.sql`${position.namespace}`, Prisma.sql`${position.name}`];
    case 'size':
      return [Prisma.sql`CAST(${position.parameters ?? -1n} AS bigint)`, Prisma.sql`CAST(${position.id} AS uuid)`];
  }
}

const laterThan = (key: SortKey, [first, second]: [Prisma.Sql, Prisma.Sql]): Prisma.Sql =>
  Prisma.sql`(${key.first}, ${key.second}) ${key.later} (${first}, ${second})`;

/**
 * One page of the catalog in one statement, whatever the filter matches:
 * 1. `head`: the first `window` rows after the cursor, in list order, filtered. A filter that
 *    matches many models fills the page here.
 * 2. Otherwise (and only then) `probe` asks the GIN index of `search_vector` for up to `cap + 1`
 *    models matching the filter's terms (catalog_probe never lets the planner scan the table).
 * 3. `tail`, after the window: at most `cap` matches are fetched and sorted; more, and the list
 *    order is walked on, where they are dense enough to fill the page soon.
 * Every branch applies the same conditions and order, so which one ran never shows in the page.
 */
export function catalogPageQuery(search: ModelSearch, plan: CatalogPlan = CATALOG_PLAN): Prisma.Sql {
  const summary = summaryFor(search.approvedOnly);
  const key = sortKey(search.sort, summary);
  const where = catalogConditions(search, summary);
  const after = search.after ? laterThan(key, keyValues(search.after)) : Prisma.sql`TRUE`;
  const afterWindow = laterThan(key, [Prisma.sql`(SELECT first_key FROM edge)`, Prisma.sql`(SELECT second_key FROM edge)`]);
  const walkAfterWindow = (gate: Prisma.Sql) => Prisma.sql`
    SELECT m.id FROM (SELECT * FROM models m WHERE ${afterWindow} ORDER BY ${key.order} OFFSET 0) m
    WHERE ${where} AND ${gate} LIMIT ${search.limit}`;
  const terms = catalogProbeTerms(search, summary);
  const tail =
    terms.length === 0
      ? walkAfterWindow(Prisma.sql`EXISTS (SELECT FROM edge)`)
      : Prisma.sql`
    (SELECT m.id FROM (SELECT m.* FROM probe JOIN models m ON m.id = probe.id WHERE ${where} AND ${afterWindow} OFFSET 0) m
      WHERE (SELECT count(*) FROM probe) <= ${plan.cap} ORDER BY ${key.order} LIMIT ${search.limit})
    UNION ALL
    (${walkAfterWindow(Prisma.sql`(SELECT count(*) FROM probe) > ${plan.cap}`)})`;
  const probe =
    terms.length === 0
      ? Prisma.empty
      : Prisma.sql`probe AS MATERIALIZED (
    SELECT id FROM catalog_probe(${Prisma.join(terms, ' && ')}, ${plan.cap + 1}) AS id WHERE EXISTS (SELECT FROM edge)),`;
  return Prisma.sql`
    WITH head AS MATERIALIZED (
      SELECT m.id FROM (SELECT * FROM models m WHERE ${after} ORDER BY ${key.order} LIMIT ${plan.window}) m
      WHERE ${where} LIMIT ${search.limit}),
    edge AS MATERIALIZED (
      SELECT ${key.first} AS first_key, ${key.second} AS second_key FROM models m
      WHERE ${after} AND (SELECT count(*) FROM head) < ${search.limit}
      ORDER BY ${key.order} OFFSET ${plan.window - 1} LIMIT 1),
    ${probe}
    tail AS MATERIALIZED (${tail})
    SELECT ${COLUMNS[summary]} FROM (SELECT id FROM head UNION ALL SELECT id FROM tail) found
      JOIN models m ON m.id = found.id LEFT JOIN licenses l ON l.id = m.license_id
    ORDER BY ${key.order} LIMIT ${search.limit}`;
}

/** One model by name, as the catalog shows it. */
export function modelByNameQuery(namespace: string, name: string, approvedOnly: boolean): Prisma.Sql {
  return Prisma.sql`
    SELECT ${COLUMNS[summaryFor(approvedOnly)]} FROM models m LEFT JOIN licenses l ON l.id = m.license_id
    WHERE m.namespace = ${namespace} AND m.name = ${name} ${approvedOnly ? Prisma.sql`AND m.listed` : Prisma.empty}`;
}

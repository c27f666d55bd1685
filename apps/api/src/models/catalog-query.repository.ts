import { Prisma } from '@vetted/db';
import { catalogConditions, catalogProbeTerms, catalogVisibilityTerms, type Summary, summaryFor } from './catalog-filters.repository.js';
import type { ModelSearch, ModelSort, SortPosition } from './model-search.js';

/** How a page is looked for; see catalogPageQuery. */
export interface CatalogPlan {
  /** Rows read in list order first; only a filter with no match among them is looked up in the GIN index. */
  window: number;
  /** The most matches fetched to be sorted; a filter with more is walked in list order instead. */
  cap: number;
  /** Rows that walk may read before every match is fetched after all. */
  walk: number;
}

/**
 * At 1M models a walk reads about `limit × models / matches` rows, and fetching the matches to sort
 * them reads `matches` rows: a cap of 4,000 keeps both under about 5,000 rows for any filter whose
 * matches are spread over the catalog; the walk's bound catches filters whose matches are not.
 */
export const CATALOG_PLAN: CatalogPlan = { window: 1_000, cap: 4_000, walk: 10_000 };

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
      return {
        first: Prisma.raw('m.created_at'),
        second: Prisma.raw('m.id'),
        order: Prisma.raw('m.created_at DESC, m.id DESC'),
        later: Prisma.raw('<'),
      };
    case 'name':
      return {
        first: Prisma.raw('m.namespace'),
        second: Prisma.raw('m.name'),
        order: Prisma.raw('m.namespace ASC, m.name ASC'),
        later: Prisma.raw('>'),
      };
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
 * One page of the catalog in one statement, in bounded work whatever the filter matches. Each step
 * runs only when the ones before it did not fill the page:
 * 1. `head`: the first `window` rows after the cursor, in list order, filtered. A filter that
 *    matches many models fills the page here.
 * 2. If the head found some matches, they are not rare (about one in `window` or more): `walked` reads
 *    on in list order, up to `walk` rows. Reading a row in list order costs a tenth of fetching a match
 *    through the probe below, so this is the cheaper way to the page.
 * 3. If it found none, `probe`: up to `cap + 1` models matching the filter's selective terms, through the
 *    GIN index of `search_vector` only (catalog_probe). If that is all of them, `few` fetches and sorts
 *    them; else they are many after all, and `walked` reads on as in 2.
 * 4. Should those be rare there after all (matches clustered in old models, or hidden from
 *    viewers), `rest` fetches every model matching all the terms and sorts them.
 * Every step applies the same conditions and order, so which one ran never shows in the page.
 */
export function catalogPageQuery(search: ModelSearch, plan: CatalogPlan = CATALOG_PLAN): Prisma.Sql {
  const summary = summaryFor(search.approvedOnly);
  const key = sortKey(search.sort, summary);
  const where = catalogConditions(search, summary);
  const limit = search.limit;
  const after = search.after ? laterThan(key, keyValues(search.after)) : Prisma.sql`TRUE`;
  const afterEdge = (edge: string) =>
    laterThan(key, [Prisma.raw(`(SELECT first_key FROM ${edge})`), Prisma.raw(`(SELECT second_key FROM ${edge})`)]);
  const edgeOf = (start: Prisma.Sql, rows: number, gate: Prisma.Sql) => Prisma.sql`
      SELECT ${key.first} AS first_key, ${key.second} AS second_key FROM models m
      WHERE ${start} AND ${gate} ORDER BY ${key.order} OFFSET ${rows - 1} LIMIT 1`;
  const walk = (start: Prisma.Sql, rows: number, gate: Prisma.Sql) => Prisma.sql`
      SELECT m.id FROM (SELECT * FROM models m WHERE ${start} AND ${gate} ORDER BY ${key.order} LIMIT ${rows}) m
      WHERE ${where} LIMIT ${limit}`;
  const fetchSorted = (addresses: string, start: Prisma.Sql, gate: Prisma.Sql) => Prisma.sql`
      SELECT m.id FROM ${Prisma.raw(addresses)} AS found, LATERAL (SELECT * FROM models m WHERE m.ctid = found.address OFFSET 0) m
      WHERE ${where} AND ${start} AND ${gate} ORDER BY ${key.order} LIMIT ${limit}`;
  const selective = catalogProbeTerms(search, summary);
  const visibility = catalogVisibilityTerms(search);
  const probeTerms = Prisma.join(selective.length > 0 ? selective : visibility, ' && ');
  const allTerms = Prisma.join([...selective, ...visibility], ' && ');
  const inHead = Prisma.sql`(SELECT count(*) FROM head)`;
  const probed = Prisma.sql`EXISTS (SELECT FROM edge) AND ${inHead} = 0`;
  const matches = Prisma.sql`(SELECT n FROM probed_matches)`;
  const many = Prisma.sql`EXISTS (SELECT FROM edge) AND (${inHead} > 0 OR ${matches} > ${plan.cap})`;
  const found = Prisma.sql`(${inHead} + (SELECT count(*) FROM walked))`;
  return Prisma.sql`
    WITH head AS MATERIALIZED (${walk(after, plan.window, Prisma.sql`TRUE`)}),
    edge AS MATERIALIZED (${edgeOf(after, plan.window, Prisma.sql`${inHead} < ${limit}`)}),
    probe AS MATERIALIZED (
      SELECT address FROM catalog_probe(${probeTerms}, ${plan.cap + 1}) AS address WHERE ${probed}),
    probed_matches AS MATERIALIZED (SELECT count(*) AS n FROM probe),
    few AS MATERIALIZED (${fetchSorted('probe', afterEdge('edge'), Prisma.sql`${probed} AND ${matches} <= ${plan.cap}`)}),
    walked AS MATERIALIZED (${walk(afterEdge('edge'), plan.walk, many)}),
    far_edge AS MATERIALIZED (${edgeOf(afterEdge('edge'), plan.walk, Prisma.sql`${many} AND ${found} < ${limit}`)}),
    every_match AS MATERIALIZED (
      SELECT address FROM catalog_probe(${allTerms}, NULL) AS address WHERE EXISTS (SELECT FROM far_edge)),
    rest AS MATERIALIZED (${fetchSorted('every_match', afterEdge('far_edge'), Prisma.sql`TRUE`)})
    SELECT ${COLUMNS[summary]} FROM (SELECT id FROM head UNION ALL SELECT id FROM few UNION ALL SELECT id FROM walked UNION ALL SELECT id FROM rest) page
      JOIN models m ON m.id = page.id LEFT JOIN licenses l ON l.id = m.license_id
    ORDER BY ${key.order} LIMIT ${limit}`;
}

/** One model by name, as the catalog shows it. */
export function modelByNameQuery(namespace: string, name: string, approvedOnly: boolean): Prisma.Sql {
  return Prisma.sql`
    SELECT ${COLUMNS[summaryFor(approvedOnly)]} FROM models m LEFT JOIN licenses l ON l.id = m.license_id
    WHERE m.namespace = ${namespace} AND m.name = ${name} ${approvedOnly ? Prisma.sql`AND m.listed` : Prisma.empty}`;
}

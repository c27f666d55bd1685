import { createPrismaClient, Prisma, type PrismaClient } from '@vetted/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogPlan, catalogPageQuery } from '../src/models/catalog-query.repository.js';
import type { ModelRow } from '../src/models/model.repository.js';
import type { ModelSearch, ModelSort, SortPosition } from '../src/models/model-search.js';
import { createTestDatabase } from '../../../test/database.js';
import { catalogSearch } from './catalog-search.js';

/**
 * Whichever way a page is found (the first window walked, the GIN probe's few matches sorted, the
 * walk after them, or every match sorted), the pages hold exactly what walking the whole catalog in order would,
 * with no row skipped or repeated across cursors. Tiny windows, caps and walks send small searches
 * down every path; the reference walks every model in one window.
 */
const MODELS = 240;
const WHOLE_CATALOG: CatalogPlan = { window: 100_000, cap: 0, walk: 1 };
/** Each plan, and the steps of catalogPageQuery (its CTEs) some search below must take with it. */
const PLANS: [string, CatalogPlan, string[]][] = [
  ['the few matches sorted', { window: 2, cap: 1_000, walk: 1 }, ['probe', 'few']],
  ['the walk after the probe', { window: 3, cap: 1, walk: 100_000 }, ['probe', 'walked']],
  ['every match sorted after a short walk', { window: 2, cap: 1, walk: 3 }, ['walked', 'rest']],
  ['a mix', { window: 7, cap: 20, walk: 11 }, ['head', 'few', 'walked']],
];

let db: PrismaClient;

beforeAll(async () => {
  db = createPrismaClient(await createTestDatabase(), 2);
  // Ties in every sort key (three models a second, sizes repeating), archived and unlicensed models,
  // drafts with other facts than the approved version, tags that need quoting, words never used together.
  await db.$executeRawUnsafe(`
    INSERT INTO blobs (sha256, size, storage_key) VALUES (repeat('a', 64), 1, 'a');
    INSERT INTO models (namespace, name, description, task, tags, license_id, status, created_by, created_at, updated_at)
    SELECT 'ns' || (i % 7), 'model-' || i,
           (ARRAY['alpha', 'beta', 'gamma', 'delta'])[1 + i % 4] || ' ' || (ARRAY['even', 'odd'])[1 + i % 2]
             || CASE WHEN i % 10 = 0 THEN ' chatbot_assistant ' || repeat('x', 40) ELSE '' END,
           (ARRAY['text-generation', 'text-to-image', 'feature-extraction'])[1 + i % 3],
           ARRAY['t' || (i % 5)] || CASE WHEN i % 11 = 0 THEN ARRAY[E'it''s\\\\a tag'] ELSE ARRAY[]::text[] END,
           CASE WHEN i % 13 = 0 THEN NULL ELSE (ARRAY['apache-2.0', 'mit', 'cc-by-nc-4.0', 'llama3.1'])[1 + i % 4] END,
           CASE WHEN i % 9 = 0 THEN 'archived' ELSE 'active' END::"ModelStatus",
           'test', timestamptz '2026-01-01' + make_interval(secs => i / 3), now()
      FROM generate_series(1, ${MODELS}) AS i;
    INSERT INTO model_versions (model_id, label, status, parameters, created_by, created_at, updated_at)
    SELECT id, '1.0', CASE WHEN n % 4 = 3 THEN 'pending_review' ELSE 'approved' END::"VersionStatus",
           NULLIF(n % 6, 0) * 100000000, 'test', created_at, now()
      FROM (SELECT id, created_at, substring(name FROM 7)::int AS n FROM models) m;
    INSERT INTO model_versions (model_id, label, status, parameters, created_by, created_at, updated_at)
    SELECT id, '2.0', 'draft', 999000000, 'test', created_at + interval '1 hour', now()
      FROM models WHERE substring(name FROM 7)::int % 5 = 0;
    INSERT INTO model_files (version_id, path, size, sha256, format)
    SELECT v.id, 'weights', 1, repeat('a', 64), (ARRAY['safetensors', 'gguf', 'onnx'])[1 + substring(m.name FROM 7)::int % 3]
      FROM model_versions v JOIN models m ON m.id = v.model_id;`);
}, 60_000);
afterAll(() => db?.$disconnect());

const search = (overrides: Partial<ModelSearch>): ModelSearch => catalogSearch(5, overrides);

function positionOf(row: ModelRow, sort: ModelSort): SortPosition {
  if (sort === 'recent') return { sort, createdAt: row.createdAt, id: row.id };
  if (sort === 'name') return { sort, namespace: row.namespace, name: row.name };
  return { sort, parameters: row.parameters, id: row.id };
}

/** Every page, four rows each (the fifth only says there is more), following the cursors. */
async function allPages(query: ModelSearch, plan: CatalogPlan): Promise<string[]> {
  const ids: string[] = [];
  let after: SortPosition | undefined;
  for (;;) {
    const rows = await db.$queryRaw<ModelRow[]>(catalogPageQuery({ ...query, after }, plan));
    const shown = rows.slice(0, query.limit - 1);
    ids.push(...shown.map((row) => `${row.namespace}/${row.name}`));
    if (rows.length < query.limit) return ids;
    after = positionOf(shown.at(-1)!, query.sort);
  }
}

interface PlanNode {
  'Actual Rows': number;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

/** The steps (CTEs) that gave rows on any page of this search. */
async function stepsTaken(query: ModelSearch, plan: CatalogPlan): Promise<Set<string>> {
  const steps = new Set<string>();
  const collect = (node: PlanNode): void => {
    const step = node['Subplan Name']?.match(/^CTE (\w+)$/)?.[1];
    if (step && node['Actual Rows'] > 0) steps.add(step);
    node.Plans?.forEach(collect);
  };
  let after: SortPosition | undefined;
  for (;;) {
    const page = catalogPageQuery({ ...query, after }, plan);
    const [explained] = await db.$queryRaw<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${page}`);
    collect(explained!['QUERY PLAN'][0]!.Plan);
    const rows = await db.$queryRaw<ModelRow[]>(page);
    if (rows.length < query.limit) return steps;
    after = positionOf(rows[query.limit - 2]!, query.sort);
  }
}

const wholeCatalog = async (query: ModelSearch): Promise<string[]> =>
  (await db.$queryRaw<ModelRow[]>(catalogPageQuery({ ...query, limit: MODELS }, WHOLE_CATALOG))).map(
    (row) => `${row.namespace}/${row.name}`,
  );

const SEARCHES: [string, Partial<ModelSearch>][] = [
  ['everything', {}],
  ['a word', { words: ['alpha'] }],
  ['a prefix', { words: ['gam'] }],
  ['two words', { words: ['beta', 'odd'] }],
  ['two words never used together', { words: ['alpha', 'odd'] }],
  ['a word longer than the indexed prefixes', { words: [`x${'x'.repeat(39)}`] }],
  ['a phrase of underscored words', { words: ['chatbot_assistant'] }],
  ['a typo', { words: ['zzz'] }],
  ['a license', { license: 'mit' }],
  ['a license and a task', { license: 'apache-2.0', task: 'text-to-image' }],
  ['a tag that needs quoting', { tag: "it's\\a tag" }],
  ['a format', { format: 'gguf' }],
  ['a format and a license', { format: 'gguf', license: 'mit' }],
  ['a format and a task', { format: 'onnx', task: 'text-generation' }],
  ['a format, a license and a task', { format: 'safetensors', license: 'apache-2.0', task: 'text-to-image' }],
  ['a commercial-use verdict', { commercialUse: 'yes' }],
  ['a verdict no license has', { commercialUse: 'never' }],
  ['a size range', { minParameters: 200_000_000, maxParameters: 400_000_000 }],
  ['an empty size range', { minParameters: 500_000_000, maxParameters: 100_000_000 }],
  ['archived models', { status: 'archived' }],
  ['archived models of a task', { status: 'archived', task: 'text-generation' }],
];

describe('catalog pages', () => {
  it('come from a catalog where the searches below find something, and not everything', async () => {
    const everything = (await wholeCatalog(search({}))).length;
    expect(everything).toBeGreaterThan(100);
    expect((await wholeCatalog(search({ words: ['alpha'] }))).length).toBeLessThan(everything);
    expect(await wholeCatalog(search({ words: ['alpha', 'odd'] }))).toEqual([]);
    expect((await wholeCatalog(search({ tag: "it's\\a tag" }))).length).toBeGreaterThan(5);
    expect((await wholeCatalog(search({ words: ['chatbot_assistant'] }))).length).toBeGreaterThan(5);
  });

  // Else a change to the plan could leave a step untested while every comparison below still passes.
  it.each(PLANS)('go %s for some search', async (_, plan, steps) => {
    const taken = new Set<string>();
    for (const [, filter] of SEARCHES)
      for (const step of await stepsTaken(search({ ...filter, approvedOnly: false }), plan)) taken.add(step);
    expect([...taken]).toEqual(expect.arrayContaining(steps));
  });

  for (const sort of ['recent', 'name', 'size'] as const) {
    for (const approvedOnly of [true, false]) {
      describe(`in ${sort} order, as a ${approvedOnly ? 'viewer' : 'publisher'}`, () => {
        it.each(SEARCHES)('hold the same models for %s, whichever way they are found', async (_, filter) => {
          const query = search({ ...filter, sort, approvedOnly });
          const expected = await wholeCatalog(query);
          for (const [, plan] of PLANS) expect(await allPages(query, plan)).toEqual(expected);
        });
      });
    }
  }
});

import { createPrismaClient, Prisma, type PrismaClient } from '@vetted/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogPageQuery } from '../src/models/catalog-query.repository.js';
import type { ModelSearch } from '../src/models/model-search.js';
import { createTestDatabase } from '../../../test/database.js';
import { catalogSearch } from './catalog-search.js';

/**
 * A catalog too big to read per request: searches and filters that match nothing, or little,
 * must read a few hundred pages, not the table. Seeded in SQL (no versions: the summary columns
 * are written directly), so this stays a test of the plan, not a benchmark.
 */
const MODELS = 200_000;

let db: PrismaClient;
let tablePages: number;

beforeAll(async () => {
  db = createPrismaClient(await createTestDatabase(), 2);
  await db.$executeRawUnsafe(`
    INSERT INTO models (namespace, name, description, task, tags, license_id, listed, created_by, created_at, updated_at,
                        public_parameters, public_size_key, all_parameters, all_size_key)
    SELECT 'org' || (i % 500), 'm' || i,
           (ARRAY['for chat', 'for speech', 'for images', 'for embeddings', 'for code'])[1 + i % 5]
             || CASE WHEN i % 10 = 0 THEN ' internal' ELSE '' END,
           (ARRAY['text-generation', 'automatic-speech-recognition', 'text-to-image', 'feature-extraction', 'text-classification'])[1 + i % 5],
           ARRAY['t' || (i % 100)],
           (ARRAY['apache-2.0', 'mit', 'llama3.1', 'gemma', 'cc-by-nc-4.0'])[1 + i % 5],
           i % 10 <> 0, 'test', now() - make_interval(secs => i), now(),
           i * 1000, i * 1000, i * 1000, i * 1000
      FROM generate_series(1, ${MODELS}) AS i`);
  await db.$executeRawUnsafe('VACUUM ANALYZE models');
  const [table] = await db.$queryRaw<{ pages: number }[]>`SELECT relpages AS pages FROM pg_class WHERE relname = 'models'`;
  tablePages = table!.pages;
}, 180_000);
afterAll(() => db?.$disconnect());

const search = (overrides: Partial<ModelSearch>): ModelSearch => catalogSearch(21, overrides);

interface PlanNode {
  'Actual Rows': number;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

const pagesOf = (node: PlanNode): number => node['Shared Hit Blocks'] + node['Shared Read Blocks'];

/** Rows returned and pages read (cached or not) by one page query, in all and by its GIN probe. */
async function pageCost(query: ModelSearch): Promise<{ rows: number; pages: number; probePages: number }> {
  // Twice on one connection: the first run also reads what the session caches (the catalog's own tables).
  const explain = Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${catalogPageQuery(query)}`;
  const [explained] = await db.$transaction(async (tx) => {
    await tx.$queryRaw(explain);
    return tx.$queryRaw<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(explain);
  });
  const plan = explained!['QUERY PLAN'][0]!.Plan;
  const probe = plan.Plans?.find((node) => node['Subplan Name'] === 'CTE probe');
  return { rows: plan['Actual Rows'], pages: pagesOf(plan), probePages: probe ? pagesOf(probe) : 0 };
}

describe(`a catalog of ${MODELS.toLocaleString('en')} models`, () => {
  it('is big enough that reading it is measurable', () => {
    expect(tablePages).toBeGreaterThan(2_000);
  });

  it.each<[string, Partial<ModelSearch>]>([
    ['a typo', { words: ['zzzz'] }],
    ['two common words never used together', { words: ['chat', 'speech'] }],
    ['a license and a task never used together', { license: 'mit', task: 'text-to-image' }],
    ['a size no model has', { minParameters: 10 ** 12 }],
    ['archived models, of which there are none', { status: 'archived' }],
    ['a publisher searching two words never used together, by size', { words: ['chat', 'speech'], approvedOnly: false, sort: 'size' }],
  ])('finds nothing for %s without reading the table', async (_, query) => {
    const { rows, pages } = await pageCost(search(query));
    expect(rows).toBe(0);
    expect(pages).toBeLessThan(tablePages / 20);
  });

  // Each of the two facets is on 40,000 models: without their pair's lexeme the index reads both lists.
  it('asks the index one short question for a license and a task never used together', async () => {
    const { rows, probePages } = await pageCost(search({ license: 'mit', task: 'text-to-image' }));
    expect(rows).toBe(0);
    expect(probePages).toBeLessThan(10);
  });

  // The probe reads up to CATALOG_PLAN.cap matches, and the walk after it up to CATALOG_PLAN.walk rows.
  it('finds nothing for a word only models a viewer may not see have, in bounded reading', async () => {
    const { rows, pages } = await pageCost(search({ words: ['internal'] }));
    expect(rows).toBe(0);
    expect(pages).toBeLessThan(tablePages / 3);
  });

  it.each<[string, Partial<ModelSearch>]>([
    ['the newest models', {}],
    ['a common word', { words: ['chat'] }],
    ['a selective prefix', { words: ['org12'] }],
    ['a word in few models', { words: ['m1234'] }],
    ['a tag on one model in a hundred', { tag: 't7' }],
    ['models by name', { sort: 'name', words: ['speech'] }],
    ['the largest models', { sort: 'size', minParameters: 10 ** 8 }],
  ])('fills a page of %s reading a fraction of the table', async (_, query) => {
    const { rows, pages } = await pageCost(search(query));
    expect(rows).toBeGreaterThan(0);
    expect(pages).toBeLessThan(tablePages / 3);
  });
});

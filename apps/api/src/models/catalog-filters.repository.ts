import { Prisma } from '@vetted/db';
import type { ModelSearch } from './model-search.js';

/**
 * Which summary columns a listing reads: viewers see the facts of approved and deprecated
 * versions only (`public_*`), publishers those of every version (`all_*`).
 */
export type Summary = 'public' | 'all';

export const summaryFor = (approvedOnly: boolean): Summary => (approvedOnly ? 'public' : 'all');

const column = (summary: Summary, name: string): Prisma.Sql => Prisma.raw(`m.${summary}_${name}`);

/** The bucket of the largest parameter count a bigint holds. */
const LARGEST_BUCKET = 63;

/** A lexeme no model has: the probe for a filter nothing can match. */
const NOTHING = Prisma.sql`catalog_lexeme('#nothing')`;

/** The conditions a model of the listing meets, on the columns of `models m`. */
export function catalogConditions(search: ModelSearch, summary: Summary): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`m.status = CAST(${search.status} AS "ModelStatus")`];
  if (search.approvedOnly) conditions.push(Prisma.sql`m.listed`);
  if (search.words.length > 0) {
    const query = search.words.map((word) => `${word}:*`).join(' & ');
    conditions.push(Prisma.sql`m.search_vector @@ to_tsquery('simple', ${query})`);
  }
  if (search.license) conditions.push(Prisma.sql`m.license_id = ${search.license}`);
  if (search.task) conditions.push(Prisma.sql`m.task = ${search.task}`);
  if (search.tag) conditions.push(Prisma.sql`m.tags @> ARRAY[${search.tag}]::text[]`);
  if (search.format) conditions.push(Prisma.sql`${column(summary, 'formats')} @> ARRAY[${search.format}]::text[]`);
  if (search.commercialUse) {
    conditions.push(Prisma.sql`m.license_id IN (SELECT l.id FROM licenses l WHERE l.terms->>'commercialUse' = ${search.commercialUse})`);
  }
  if (search.minParameters !== undefined) conditions.push(Prisma.sql`${column(summary, 'parameters')} >= ${search.minParameters}`);
  if (search.maxParameters !== undefined) conditions.push(Prisma.sql`${column(summary, 'parameters')} <= ${search.maxParameters}`);
  return Prisma.join(conditions, ' AND ');
}

/**
 * The selective part of the filter as GIN terms of `search_vector` (see the catalog_summaries
 * migration): every model that meets the conditions matches them. The status and whether viewers
 * may see a model are left out (catalogVisibilityTerms): nearly every model is active and listed,
 * and such long posting lists would only make the index read more. No terms: nothing selective.
 */
export function catalogProbeTerms(search: ModelSearch, summary: Summary): Prisma.Sql[] {
  const terms: Prisma.Sql[] = [];
  if (search.words.length > 0) terms.push(Prisma.sql`catalog_word_terms(${search.words.join(' ')})`);
  terms.push(...facetTerms(search, summary));
  if (search.tag) terms.push(Prisma.sql`catalog_facet('tag', ${search.tag})`);
  if (search.commercialUse) {
    terms.push(Prisma.sql`(SELECT CAST(coalesce(string_agg(catalog_facet('license', l.id)::text, ' | '), ${NOTHING}::text) AS tsquery)
      FROM licenses l WHERE l.terms->>'commercialUse' = ${search.commercialUse})`);
  }
  if (search.minParameters !== undefined || search.maxParameters !== undefined) {
    const highest = search.maxParameters === undefined ? LARGEST_BUCKET : bitLength(search.maxParameters);
    terms.push(sizeTerms(summary, bitLength(search.minParameters ?? 0), highest));
  }
  return terms;
}

/**
 * License, task and format, each alone or, where two are asked for, as the pair the search document also holds
 * as one lexeme (catalog_facet_pairs migration): two facets that never meet then cost the index one empty lookup,
 * not a walk through both long posting lists. A facet in a pair is not asked for alone as well.
 */
function facetTerms(search: ModelSearch, summary: Summary): Prisma.Sql[] {
  const format = `${summary}-format`;
  const facets: [string, string | undefined][] = [
    ['license', search.license],
    ['task', search.task],
    [format, search.format],
  ];
  const pairs: [string, string | undefined, string | undefined][] = [
    ['license+task', search.license, search.task],
    [`${format}+license`, search.format, search.license],
    [`${format}+task`, search.format, search.task],
  ];
  const asked = pairs.filter(([, first, second]) => first && second);
  const paired = new Set(asked.flatMap(([name]) => name.split('+')));
  return [
    ...facets.filter(([name, value]) => value && !paired.has(name)).map(([name, value]) => Prisma.sql`catalog_facet(${name}, ${value})`),
    ...asked.map(([name, first, second]) => Prisma.sql`catalog_facet(${name}, ${`${first}+${second}`})`),
  ];
}

/** The status and visibility conditions as GIN terms. */
export function catalogVisibilityTerms(search: ModelSearch): Prisma.Sql[] {
  const terms = [Prisma.sql`catalog_facet('status', ${search.status})`];
  if (search.approvedOnly) terms.push(Prisma.sql`catalog_lexeme('#listed')`);
  return terms;
}

/** Sizes are bucketed by the bit length of the parameter count (catalog_size_bucket): a range is the buckets it spans. */
function sizeTerms(summary: Summary, lowest: number, highest: number): Prisma.Sql {
  const buckets: Prisma.Sql[] = [];
  for (let bucket = lowest; bucket <= highest; bucket += 1) {
    buckets.push(Prisma.sql`catalog_facet(${`${summary}-size`}, ${String(bucket)})`);
  }
  return buckets.length === 0 ? NOTHING : Prisma.sql`(${Prisma.join(buckets, ' || ')})`;
}

const bitLength = (value: number): number => (value === 0 ? 0 : value.toString(2).length);

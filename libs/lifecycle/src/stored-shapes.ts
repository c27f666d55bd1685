import type { Prisma } from '@vetted/db';
import { z } from 'zod';

/**
 * The JSON columns one app writes and another reads, one schema per stored shape. Writers store what the
 * schema parses (`toStoredJson`); readers parse with the same schema, so rows written by an older
 * version read as safe defaults instead of failing or passing unchecked.
 */

/** One scan finding (model_files.scan_findings, a card's findings); anything unreadable counts as a warning rather than vanishing. */
export const storedFinding = z.object({
  severity: z.enum(['info', 'warning', 'critical']).catch('warning'),
  code: z.string().catch('unknown'),
  message: z.string().catch(''),
  evidence: z.record(z.string(), z.unknown()).optional().catch(undefined),
});
export type StoredFinding = z.output<typeof storedFinding>;

export const storedFindings = z.array(storedFinding).catch([]);

/** What a scan read from a file's header, and a version's facts (model_files.facts, model_versions.facts). */
export const storedFacts = z.record(z.string(), z.unknown()).catch({});
export type StoredFacts = z.output<typeof storedFacts>;

/**
 * model_versions.card, written by imports and scans. `readme` and `frontMatter` make a card; `source` is
 * `readme` (the version's own README.md) or `previous-version` (copied from `previousVersion`, this
 * version has no README). Cards from before card findings have neither `source` nor `findings`.
 */
export const storedCard = z.object({
  readme: z.string(),
  frontMatter: z.record(z.string(), z.unknown()),
  source: z.enum(['readme', 'previous-version']).catch('readme'),
  previousVersion: z.string().optional().catch(undefined),
  findings: storedFindings,
});
export type StoredCard = z.output<typeof storedCard>;

/** The card in a row, or undefined when the row has none (or holds something that is not a card). */
export function parseStoredCard(value: unknown): StoredCard | undefined {
  const parsed = storedCard.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** import_jobs.files: each file of an import and how far it got, written as the import runs. */
export const storedImportFile = z.object({
  path: z.string().catch(''),
  size: z.number().catch(0),
  bytesDone: z.number().catch(0),
  status: z.enum(['pending', 'downloading', 'stored', 'skipped', 'failed']).catch('pending'),
});
export type StoredImportFile = z.output<typeof storedImportFile>;

export const storedImportFiles = z.array(storedImportFile).catch([]);

/** A value as its schema stores it, for a JSON column. */
export const toStoredJson = <S extends z.ZodType>(schema: S, value: z.input<S>): Prisma.InputJsonValue =>
  schema.parse(value) as Prisma.InputJsonValue;

const record = z.record(z.string(), z.unknown());

/**
 * benchmark_runs.result: the runner's result as the worker stores it (see @vetted/inference
 * BenchmarkResult and GgufBenchmarkResult), with the fields its readers use; a field of another shape
 * reads as absent, other fields pass through.
 */
export const storedRunResult = z
  .looseObject({
    format: z.literal('gguf').optional().catch(undefined),
    executionProvider: z
      .object({
        requested: z.string().optional(),
        actual: z.string().nullable().optional(),
        fallbackReason: z.string().nullable().optional(),
      })
      .optional()
      .catch(undefined),
    hardware: record.optional().catch(undefined),
    settings: record.optional().catch(undefined),
    metrics: record.optional().catch(undefined),
    outputs: z.array(record).optional().catch(undefined),
    reference: z.object({ passed: z.boolean(), maxAbsError: z.number() }).nullable().optional().catch(undefined),
    findings: storedFindings,
    perplexity: z.object({ value: z.number() }).optional().catch(undefined),
    completion: z.object({ sha256: z.string() }).optional().catch(undefined),
  })
  .catch({ findings: [] });
export type StoredRunResult = z.output<typeof storedRunResult>;

export const parseStoredRunResult = (value: unknown): StoredRunResult => storedRunResult.parse(value ?? {});

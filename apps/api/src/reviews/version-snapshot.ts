import type { BenchmarkRun, ScanStatus } from '@vetted/db';
import { z } from 'zod';

/** What a review looks at about one version, read once from the database. */
export interface VersionSnapshot {
  label: string;
  licenseId: string | null;
  commitSha: string | null;
  facts: Record<string, unknown>;
  card: StoredCard | null;
  files: SnapshotFile[];
  runs: BenchmarkRun[];
}

export interface SnapshotFile {
  path: string;
  size: number;
  sha256: string;
  scanStatus: ScanStatus;
  findings: StoredFinding[];
}

const storedFinding = z.looseObject({
  severity: z.enum(['info', 'warning', 'critical']).catch('warning'),
  code: z.string().catch('unknown'),
  message: z.string().catch(''),
});
export type StoredFinding = z.output<typeof storedFinding>;

/** Findings as the scanner stores them; anything unreadable counts as a warning rather than vanishing. */
export const storedFindings = z.array(storedFinding).catch([]);

const storedCard = z.object({
  frontMatter: z.record(z.string(), z.unknown()).catch({}),
  source: z.string().nullable().optional().catch(null),
  findings: storedFindings.optional(),
});
export type StoredCard = z.output<typeof storedCard>;

export function parseCard(card: unknown): StoredCard | null {
  if (card === null || card === undefined) return null;
  const parsed = storedCard.safeParse(card);
  return parsed.success ? parsed.data : { frontMatter: {}, source: null, findings: [] };
}

/** The license a card declares: `license`, or `license_name` when the card says `other`. */
export function cardLicense(card: StoredCard | null): string | null {
  const tag = card?.frontMatter.license;
  const name = card?.frontMatter.license_name;
  if (tag === 'other' && typeof name === 'string') return name;
  return typeof tag === 'string' ? tag : null;
}

/** What the runner stored about a run (resolved inputs live in its settings), read defensively. */
const storedRunResult = z
  .object({
    reference: z.object({ passed: z.boolean(), maxAbsError: z.number() }).nullable().optional().catch(null),
    findings: z
      .array(z.object({ severity: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .catch([]),
    settings: z.record(z.string(), z.unknown()).optional().catch({}),
  })
  .catch({});
export const parseRunResult = (result: unknown) => storedRunResult.parse(result ?? {});

import type { ImportJob } from '@vetted/db';

/** Why an import ended without a version, in terms a person can act on. */
export const IMPORT_FAILURE_KINDS = [
  'network',
  'not_found',
  'gated',
  'unauthorized',
  'checksum',
  'too_large',
  'unsafe_path',
  'empty',
  'conflict',
  'cancelled',
  'unexpected',
] as const;
export type ImportFailureKind = (typeof IMPORT_FAILURE_KINDS)[number];

// The worker's messages (apps/worker/src/imports/importer.ts, libs/hub): most specific first.
const PATTERNS: [RegExp, ImportFailureKind][] = [
  [/: its sha256 is [0-9a-f]+, the Hub lists /, 'checksum'],
  [/ is gated: /, 'gated'],
  [/ needs authorisation: |The Hub answered 40[13] /, 'unauthorized'],
  [/ does not exist on the Hub$| has no revision |A file is missing from | is not in |The Hub answered 404 /, 'not_found'],
  [/ has no files to import/, 'empty'],
  [/ is larger than VETTED_MAX_FILE_BYTES$/, 'too_large'],
  [/The Hub lists an unsafe path /, 'unsafe_path'],
  [/ already exists$| is archived$|is no longer a draft/, 'conflict'],
  [
    /The Hub could not be reached: |: download failed \d+ times |The Hub answered 5\d\d |Too many redirects |The Hub gave no commit sha /,
    'network',
  ],
];

/** The kind of an import's failure from the message the worker recorded; null while it has not failed. */
export function importFailureKind(job: Pick<ImportJob, 'status' | 'error'>): ImportFailureKind | null {
  if (job.status === 'cancelled') return 'cancelled';
  if (job.status !== 'failed') return null;
  const message = job.error ?? '';
  return PATTERNS.find(([pattern]) => pattern.test(message))?.[1] ?? 'unexpected';
}

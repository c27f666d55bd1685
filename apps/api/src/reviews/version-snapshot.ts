import type { BenchmarkRun, ScanStatus } from '@vetted/db';
import { parseStoredCard, type StoredCard, type StoredFinding } from '@vetted/lifecycle';

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

/** A card that cannot be read is shown as one with nothing in it, never mistaken for no card. */
const UNREADABLE_CARD: StoredCard = { readme: '', frontMatter: {}, source: 'readme', findings: [] };

export function parseCard(card: unknown): StoredCard | null {
  if (card === null || card === undefined) return null;
  return parseStoredCard(card) ?? UNREADABLE_CARD;
}

/** The license a card declares: `license`, or `license_name` when the card says `other`. */
export function cardLicense(card: StoredCard | null): string | null {
  const tag = card?.frontMatter.license;
  const name = card?.frontMatter.license_name;
  if (tag === 'other' && typeof name === 'string') return name;
  return typeof tag === 'string' ? tag : null;
}

/** What the runner stored about a run (resolved inputs live in its settings), read defensively. */

import { Prisma, type PrismaClient } from '@vetted/db';
import { cardFields, type CardFinding, MODEL_CARD_MAX_BYTES, parseModelCard } from '@vetted/hub';
import type { BlobStore } from '@vetted/storage';
import { blobByteSource } from './blob-byte-source.js';
import { cardEffects, cardLicenseTag, type DeclaredModel, type ModelDefaults } from './card-effects.js';

/**
 * What model_versions.card holds, written by imports and scans. `readme` and `frontMatter` are what the
 * API, the web page and `/hf` (`cardData`) read.
 */
export interface StoredCard {
  readme: string;
  frontMatter: Record<string, unknown>;
  /** `readme`: the version's own README.md; `previous-version`: the card of `previousVersion`, this version has no README. */
  source: 'readme' | 'previous-version';
  previousVersion?: string;
  findings: CardFinding[];
}

export interface CardVersion {
  modelId: string;
  createdAt: Date;
  licenseId: string | null;
  card: unknown;
  files: { path: string; blob: { storageKey: string; size: bigint } }[];
  model: DeclaredModel;
}

/** What a scan writes for the card: the card itself and the model's empty fields it fills. */
export interface CardUpdate {
  card: StoredCard;
  defaults: ModelDefaults;
}

const README = /^readme\.md$/i;

/**
 * The card of a version: its own top-level README.md (its first MODEL_CARD_MAX_BYTES only); without
 * one, the card it already has; without that either, the card of the model's latest earlier version
 * that has one. Undefined when the version keeps what it has. Storage errors are thrown (the scan is retried).
 */
export async function readVersionCard(db: PrismaClient, store: BlobStore, version: CardVersion): Promise<CardUpdate | undefined> {
  const card = (await ownCard(store, version)) ?? (version.card === null ? await previousCard(db, version) : undefined);
  if (!card) return undefined;
  const fields = cardFields(card.frontMatter);
  const license = cardLicenseTag(fields);
  const inCatalog = license !== undefined && (await db.license.count({ where: { id: license } })) > 0;
  const { defaults, findings } = cardEffects(fields, version.model, version.licenseId, inCatalog);
  return { card: { ...card, findings: [...card.findings.filter((f) => f.code !== 'license_mismatch'), ...findings] }, defaults };
}

async function ownCard(store: BlobStore, version: CardVersion): Promise<StoredCard | undefined> {
  const file = version.files.find((f) => f.path === 'README.md') ?? version.files.find((f) => README.test(f.path));
  if (!file) return undefined;
  const source = blobByteSource(store, file.blob.storageKey, Number(file.blob.size));
  const { readme, frontMatter, findings } = parseModelCard(await source.read(0, MODEL_CARD_MAX_BYTES), source.size);
  return { readme, frontMatter, source: 'readme', findings };
}

async function previousCard(db: PrismaClient, version: CardVersion): Promise<StoredCard | undefined> {
  const earlier = await db.modelVersion.findFirst({
    where: { modelId: version.modelId, createdAt: { lt: version.createdAt }, card: { not: Prisma.AnyNull } },
    orderBy: { createdAt: 'desc' },
    select: { label: true, card: true },
  });
  const card = storedCardOf(earlier?.card);
  if (!earlier || !card) return undefined;
  // A card that was itself copied names the version it came from.
  const previousVersion = card.source === 'previous-version' && card.previousVersion ? card.previousVersion : earlier.label;
  return { ...card, source: 'previous-version', previousVersion };
}

/** A stored card read back; imports before card findings wrote only `readme` and `frontMatter`. */
function storedCardOf(value: unknown): StoredCard | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const card = value as Partial<Record<keyof StoredCard, unknown>>;
  if (typeof card.readme !== 'string' || typeof card.frontMatter !== 'object' || card.frontMatter === null) return undefined;
  return {
    readme: card.readme,
    frontMatter: card.frontMatter as Record<string, unknown>,
    source: card.source === 'previous-version' ? 'previous-version' : 'readme',
    ...(typeof card.previousVersion === 'string' ? { previousVersion: card.previousVersion } : {}),
    findings: Array.isArray(card.findings) ? (card.findings as CardFinding[]) : [],
  };
}

import { cardFields, MODEL_CARD_MAX_BYTES, parseModelCard } from '@vetted/hub';
import { parseStoredCard, type StoredCard } from '@vetted/lifecycle';
import type { BlobStore } from '@vetted/storage';
import { blobByteSource } from './blob-byte-source.js';
import { cardEffects, cardLicenseTag, type DeclaredModel, type ModelDefaults } from './card-effects.js';
import type { ScanRepository } from './scan.repository.js';

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
export async function readVersionCard(scans: ScanRepository, store: BlobStore, version: CardVersion): Promise<CardUpdate | undefined> {
  const card = (await ownCard(store, version)) ?? (version.card === null ? await previousCard(scans, version) : undefined);
  if (!card) return undefined;
  const fields = cardFields(card.frontMatter);
  const license = cardLicenseTag(fields);
  const inCatalog = license !== undefined && (await scans.licenseInCatalog(license));
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

async function previousCard(scans: ScanRepository, version: CardVersion): Promise<StoredCard | undefined> {
  const earlier = await scans.previousCard(version.modelId, version.createdAt);
  const card = parseStoredCard(earlier?.card);
  if (!earlier || !card) return undefined;
  // A card that was itself copied names the version it came from.
  const previousVersion = card.source === 'previous-version' && card.previousVersion ? card.previousVersion : earlier.label;
  return { ...card, source: 'previous-version', previousVersion };
}

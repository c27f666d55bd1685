import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import type { SigningKey } from '@vetted/signing';
import { pack, type Pack } from 'tar-stream';
import { BUNDLE_FORMAT, type BundleEntry, type BundleIndex, INDEX_ENTRY } from './bundle-index.js';
import { blobEntryPath, VERSION_RECORD, VERSION_SIGNATURE, versionDir } from './bundle-paths.js';
import { signIndex } from './index-signature.js';

export interface ExportedFile {
  path: string;
  size: number;
  sha256: string;
}

export interface ExportedVersion {
  model: string;
  version: string;
  /** Everything the receiving site needs to know about the version (manifest, card, license, scans, reviews…). */
  record: object;
  /** The version's model.sig, exactly as stored. */
  signature: string;
  files: readonly ExportedFile[];
}

export interface BundleSource {
  versions: readonly ExportedVersion[];
  /** Opens a stored blob; its digest was checked when it was stored. */
  openBlob(sha256: string): Promise<Readable>;
}

/**
 * The bundle as a tar stream: the signed index first (every digest is known before a byte is written, since
 * blobs are content-addressed), then per version its record and signature, then each distinct blob once.
 * Blobs are piped through, so memory stays bounded whatever their size.
 */
export function writeBundle(key: SigningKey, source: BundleSource): Readable {
  const tar = pack();
  const small = smallEntries(source.versions);
  const blobs = distinctBlobs(source.versions);
  const index: BundleIndex = {
    format: BUNDLE_FORMAT,
    createdAt: new Date().toISOString(),
    site: { publicKeyPem: key.publicKey.pem, fingerprint: key.publicKey.fingerprint },
    versions: source.versions.map((v) => ({ model: v.model, version: v.version, dir: versionDir(v.model, v.version) })),
    entries: [
      ...small.map(({ entry }) => entry),
      ...blobs.map((blob) => ({ path: blobEntryPath(blob.sha256), size: blob.size, sha256: blob.sha256 })),
    ],
  };
  void fill(tar, signIndex(key, index), small, blobs, source).catch((error: unknown) => tar.destroy(error as Error));
  // tar-stream's streams are streamx ones; Readable.from gives callers a Node stream with backpressure.
  return Readable.from(tar);
}

async function fill(
  tar: Pack,
  signedIndex: Buffer,
  small: readonly { entry: BundleEntry; bytes: Buffer }[],
  blobs: readonly ExportedFile[],
  source: BundleSource,
): Promise<void> {
  await addBuffer(tar, INDEX_ENTRY, signedIndex);
  for (const { entry, bytes } of small) await addBuffer(tar, entry.path, bytes);
  for (const blob of blobs) {
    await addStream(tar, blobEntryPath(blob.sha256), blob.size, await source.openBlob(blob.sha256));
  }
  tar.finalize();
}

const EPOCH = new Date(0);

function addBuffer(tar: Pack, name: string, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) =>
    tar.entry({ name, size: bytes.length, mode: 0o644, mtime: EPOCH }, bytes, (error) => (error ? reject(error) : resolve())),
  );
}

async function addStream(tar: Pack, name: string, size: number, bytes: Readable): Promise<void> {
  let sink!: ReturnType<Pack['entry']>;
  const written = new Promise<void>((resolve, reject) => {
    sink = tar.entry({ name, size, mode: 0o644, mtime: EPOCH }, (error) => (error ? reject(error) : resolve()));
  });
  // A blob that fails to read fails the whole tar, this entry with it: the read error is the one reported, so the
  // entry's own failure (its error event, its callback) must not surface as an unhandled one and crash the worker.
  sink.on('error', () => undefined);
  written.catch(() => undefined);
  for await (const chunk of bytes) {
    if (!sink.write(chunk as Buffer)) await once(sink, 'drain');
  }
  sink.end(() => undefined);
  await written;
}

function smallEntries(versions: readonly ExportedVersion[]): { entry: BundleEntry; bytes: Buffer }[] {
  return versions.flatMap((version) => {
    const dir = versionDir(version.model, version.version);
    return [
      described(`${dir}/${VERSION_RECORD}`, Buffer.from(JSON.stringify(version.record), 'utf8')),
      described(`${dir}/${VERSION_SIGNATURE}`, Buffer.from(version.signature, 'utf8')),
    ];
  });
}

function described(path: string, bytes: Buffer): { entry: BundleEntry; bytes: Buffer } {
  return { entry: { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }, bytes };
}

function distinctBlobs(versions: readonly ExportedVersion[]): ExportedFile[] {
  const bySha = new Map<string, ExportedFile>();
  for (const file of versions.flatMap((version) => version.files)) bySha.set(file.sha256, file);
  return [...bySha.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
}

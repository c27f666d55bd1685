import { once } from 'node:events';
import { Readable } from 'node:stream';
import { checkModelSignature, publicKeyFromPem } from '@vetted/signing';
import { type Extract, extract } from 'tar-stream';
import { type BundleEntry, INDEX_ENTRY } from './bundle-index.js';
import { BundleRefused } from './bundle-refused.js';
import { VERSION_RECORD, VERSION_SIGNATURE } from './bundle-paths.js';
import { DigestCheck } from './digest-check.js';
import { type IndexTrust, type VerifiedIndex, verifyIndex } from './index-signature.js';
import { type VersionRecord, versionRecordSchema } from './version-record.js';

const MAX_SMALL_ENTRY = 64 * 1024 * 1024;
const BLOB_PREFIX = 'blobs/sha256/';

export interface ReadBundle extends VerifiedIndex {
  versions: { record: VersionRecord; signature: string }[];
}

export interface BlobSink {
  /** Consumes a blob's bytes (already being checked against the index); must read the stream to its end. */
  (entry: BundleEntry, bytes: Readable): Promise<void>;
}

/**
 * Reads a bundle as it streams: the signed index must come first and verify before anything else is read;
 * every later entry must be listed in it and match its size and digest; none may be missing. Version records
 * and signatures (small) are kept in memory; blobs go to `sink`. Throws BundleRefused with the reason.
 */
export async function readBundle(source: Readable, trust: IndexTrust, sink: BlobSink): Promise<ReadBundle> {
  const tar = extract();
  let current: Readable | undefined;
  // An error while a blob is being consumed (a truncated tar) must reach that blob's consumer, not go unheard.
  tar.on('error', (error: Error) => current?.destroy(error));
  void feed(source, tar).catch((error: unknown) => tar.destroy(error as Error));
  let verified: VerifiedIndex | undefined;
  let listed = new Map<string, BundleEntry>();
  const small = new Map<string, Buffer>();
  try {
    for await (const entry of tar) {
      const name = entry.header.name;
      if (!verified) {
        if (name !== INDEX_ENTRY) throw new BundleRefused('bundle_unsigned', `The bundle starts with ${name}, not the signed index`);
        verified = verifyIndex(await drain(Readable.from(entry), MAX_SMALL_ENTRY), trust);
        listed = new Map(verified.index.entries.map((listedEntry) => [listedEntry.path, listedEntry]));
        continue;
      }
      const listedEntry = listed.get(name);
      if (!listedEntry || entry.header.type !== 'file')
        throw new BundleRefused('bundle_entry_unlisted', `${name} is not in the signed index`);
      listed.delete(name);
      if (name.startsWith(BLOB_PREFIX)) {
        current = checked(Readable.from(entry), listedEntry);
        await sink(listedEntry, current);
        current = undefined;
      } else {
        small.set(name, await drain(checked(Readable.from(entry), listedEntry), MAX_SMALL_ENTRY));
      }
    }
  } catch (error) {
    tar.destroy();
    throw asRefusal(error);
  }
  if (!verified) throw new BundleRefused('bundle_unsigned', 'The bundle is empty');
  if (listed.size > 0) throw new BundleRefused('bundle_entry_missing', `The bundle lacks ${[...listed.keys()].slice(0, 5).join(', ')}`);
  return { ...verified, versions: verified.index.versions.map((version) => checkedVersion(verified, version.dir, small)) };
}

/** The version's record, whose files the exporting site's signature lists exactly. */
function checkedVersion(verified: VerifiedIndex, dir: string, small: Map<string, Buffer>): { record: VersionRecord; signature: string } {
  const recordBytes = small.get(`${dir}/${VERSION_RECORD}`);
  const signature = small.get(`${dir}/${VERSION_SIGNATURE}`);
  if (!recordBytes || !signature) throw new BundleRefused('bundle_malformed', `${dir} lacks its record or signature`);
  let record: VersionRecord;
  try {
    record = versionRecordSchema.parse(JSON.parse(recordBytes.toString('utf8')));
  } catch {
    throw new BundleRefused('bundle_malformed', `${dir}/${VERSION_RECORD} is not a version record`);
  }
  const signer = { name: 'exporting site', publicKey: publicKeyFromPem(verified.index.site.publicKeyPem) };
  const verdict = checkModelSignature(signature, record.files, [signer]);
  if (verdict.outcome !== 'valid' || verdict.model !== record.model) {
    const reason = verdict.outcome === 'valid' ? `it signs ${verdict.model}` : verdict.reason;
    throw new BundleRefused('bundle_version_signature_invalid', `${record.model}@${record.version}: ${reason}`);
  }
  const blobs = new Set(verified.index.entries.map((entry) => entry.path));
  const absent = record.files.find((file) => !blobs.has(`${BLOB_PREFIX}${file.sha256}`));
  if (absent) throw new BundleRefused('bundle_malformed', `${record.model}@${record.version}: ${absent.path} has no blob in the bundle`);
  return { record, signature: signature.toString('utf8') };
}

/** The entry's bytes, failing at the end unless they match the index, and failing with the tar's own error. */
function checked(bytes: Readable, entry: BundleEntry): Readable {
  const check = new DigestCheck(entry);
  bytes.once('error', (error) => check.destroy(error));
  // Once the check has failed the entry is not read on; its consumer hears the failure through its own listener.
  check.on('error', () => bytes.destroy());
  return bytes.pipe(check);
}

/** Writes the source into the extractor with backpressure (tar-stream's streams are streamx, not Node's). */
async function feed(source: Readable, tar: Extract): Promise<void> {
  for await (const chunk of source) {
    if (!tar.write(chunk as Buffer)) await once(tar, 'drain');
  }
  tar.end(() => undefined);
}

async function drain(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BundleRefused('bundle_malformed', `An entry is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function asRefusal(error: unknown): unknown {
  if (error instanceof BundleRefused) return error;
  if (error instanceof Error && /unexpected end|premature|aborted/i.test(error.message)) {
    return new BundleRefused('bundle_truncated', 'The bundle ends early: it was truncated');
  }
  if (error instanceof Error && /invalid tar|checksum/i.test(error.message))
    return new BundleRefused('bundle_malformed', `Not a tar: ${error.message}`);
  return error;
}

import { createHash } from 'node:crypto';
import type { BlobKey, BlobStore, StaleUploads } from './blob-store.js';

export interface RecordedBlob {
  sha256: string;
  size: bigint | number;
  storageKey: BlobKey;
}

export interface BlobReport {
  checked: number;
  rehashed: boolean;
  /** Recorded blobs whose object is gone. */
  missing: { sha256: string; storageKey: BlobKey }[];
  /** Objects whose size or (with rehash) digest differs from the record. */
  corrupt: { sha256: string; storageKey: BlobKey; problem: string }[];
  /** Objects no blob record points at: left by a crash between storing and recording, or an upload in flight. */
  unreferenced: BlobKey[];
  /** Writes abandoned by a process that died mid-upload; the API removes them at start and every hour. */
  staleUploads: StaleUploads;
}

/**
 * Checks every recorded blob against the store: present, the recorded size, and with `rehash` the
 * recorded sha256 (reads everything: slow on large stores, memory stays flat).
 */
export async function verifyBlobs(
  records: AsyncIterable<RecordedBlob>,
  store: BlobStore,
  options: { rehash: boolean },
): Promise<BlobReport> {
  const report: Omit<BlobReport, 'staleUploads'> = { checked: 0, rehashed: options.rehash, missing: [], corrupt: [], unreferenced: [] };
  const known = new Set<BlobKey>();
  for await (const blob of records) {
    report.checked++;
    known.add(blob.storageKey);
    const size = await store.size(blob.storageKey);
    if (size === undefined) {
      report.missing.push({ sha256: blob.sha256, storageKey: blob.storageKey });
    } else if (BigInt(size) !== BigInt(blob.size)) {
      report.corrupt.push({ sha256: blob.sha256, storageKey: blob.storageKey, problem: `size ${size}, recorded ${blob.size}` });
    } else if (options.rehash) {
      const actual = await digest(store, blob.storageKey);
      if (actual !== blob.sha256) report.corrupt.push({ sha256: blob.sha256, storageKey: blob.storageKey, problem: `sha256 ${actual}` });
    }
  }
  for await (const key of store.keys()) if (!known.has(key)) report.unreferenced.push(key);
  return { ...report, staleUploads: await store.staleUploads() };
}

async function digest(store: BlobStore, key: BlobKey): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await store.read(key)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

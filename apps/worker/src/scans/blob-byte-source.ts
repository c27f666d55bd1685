import { type ByteSource, ByteSourceError } from '@vetted/formats';
import type { BlobKey, BlobStore } from '@vetted/storage';

/** Inspectors read small pieces; each piece from S3 is a request, so reads go through 1 MiB blocks. */
const BLOCK_BYTES = 1024 * 1024;
const CACHED_BLOCKS = 4;

/** A stored blob as random-access bytes, through a small cache of recently read blocks. */
export function blobByteSource(store: BlobStore, key: BlobKey, size: number): ByteSource {
  const blocks = new Map<number, Promise<Buffer>>();

  const block = (index: number): Promise<Buffer> => {
    let cached = blocks.get(index);
    if (cached) {
      blocks.delete(index);
    } else {
      const start = index * BLOCK_BYTES;
      cached = readRange(store, key, start, Math.min(size, start + BLOCK_BYTES) - 1);
      cached.catch(() => blocks.delete(index));
    }
    blocks.set(index, cached); // most recently used last
    if (blocks.size > CACHED_BLOCKS) blocks.delete(blocks.keys().next().value as number);
    return cached;
  };

  return {
    size,
    async read(offset, length) {
      const end = Math.min(size, offset + length);
      if (offset >= end) return Buffer.alloc(0);
      const parts: Buffer[] = [];
      for (let index = Math.floor(offset / BLOCK_BYTES); index * BLOCK_BYTES < end; index += 1) {
        const bytes = await block(index);
        const blockStart = index * BLOCK_BYTES;
        parts.push(bytes.subarray(Math.max(0, offset - blockStart), Math.min(bytes.length, end - blockStart)));
      }
      return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    },
  };
}

/** Storage failures are the job's to retry, not a verdict on the file: they travel as ByteSourceError. */
async function readRange(store: BlobStore, key: BlobKey, start: number, end: number): Promise<Buffer> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await store.read(key, { start, end })) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch (error) {
    throw new ByteSourceError(`reading stored bytes ${start}-${end}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { BlobTooLargeError, ChecksumMismatchError, IncompleteBodyError, type WriteOptions } from './blob-store.js';
import { ThreadedSha256 } from './sha256-thread.js';

// Measured on this project's 2-core machine (bench/README.md): four 4 MiB batches in flight and a flush every
// 32 MiB kept the disk and the hashing thread busy at once; hashing on the event loop, 256 KiB writes and one
// fsync at the end took about twice as long, and 1 MiB batches or flushing only at the end were measurably slower.
const BATCH_BYTES = 4 * 1024 * 1024;
const BATCHES_IN_FLIGHT = 4;
const FLUSH_EVERY_BYTES = 32 * 1024 * 1024;

/**
 * Streams `source` into `file` and returns its sha256 and size, flushed to disk, enforcing the write's
 * limits. Bytes are gathered into shared-memory batches that are written (libuv's threads) and hashed
 * (the sha256 thread) at the same time, off the event loop; written data is flushed every 32 MiB so the
 * final fsync has little left to do. At most four batches are in flight: a slow disk pauses the source.
 */
export async function writeHashedFile(
  source: Readable,
  file: FileHandle,
  options: WriteOptions,
): Promise<{ sha256: string; size: number }> {
  const hash = new ThreadedSha256();
  const batches = new BatchPool();
  const flusher = new PeriodicFlush(file);
  const inFlight = new Set<Promise<void>>();
  let size = 0;
  let position = 0;

  const dispatch = (buffer: SharedArrayBuffer, length: number): void => {
    const at = position;
    position += length;
    const done = Promise.all([hash.update(buffer, length), writeAll(file, new Uint8Array(buffer, 0, length), at)]).then(
      () => {
        inFlight.delete(done);
        batches.release(buffer);
        flusher.written(length);
      },
      (error: unknown) => {
        inFlight.delete(done);
        batches.fail(error);
      },
    );
    inFlight.add(done);
  };

  try {
    let buffer = await batches.take();
    let filled = 0;
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > options.maxBytes) throw new BlobTooLargeError(options.maxBytes);
      if (options.expectedBytes !== undefined && size > options.expectedBytes) throw new IncompleteBodyError(options.expectedBytes, size);
      for (let offset = 0; offset < chunk.length;) {
        const copied = Math.min(chunk.length - offset, BATCH_BYTES - filled);
        new Uint8Array(buffer, filled, copied).set(chunk.subarray(offset, offset + copied));
        filled += copied;
        offset += copied;
        if (filled === BATCH_BYTES) {
          dispatch(buffer, filled);
          buffer = await batches.take();
          filled = 0;
        }
      }
    }
    if (options.expectedBytes !== undefined && size !== options.expectedBytes) throw new IncompleteBodyError(options.expectedBytes, size);
    if (filled > 0) dispatch(buffer, filled);
    await Promise.all(inFlight);
    batches.check();
    await flusher.settled();
    await file.sync();
    const sha256 = await hash.digest();
    if (options.expectedSha256 && options.expectedSha256 !== sha256) throw new ChecksumMismatchError(options.expectedSha256, sha256);
    return { sha256, size };
  } catch (error) {
    // Nothing may still write into the file once the caller deletes it.
    await Promise.allSettled([...inFlight, flusher.settled()]);
    hash.discard();
    throw batches.failure ?? error;
  }
}

async function writeAll(file: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await file.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

/** Up to BATCHES_IN_FLIGHT shared buffers, allocated as needed; `take` waits for one to come back. */
class BatchPool {
  failure: Error | undefined;
  private allocated = 0;
  private readonly free: SharedArrayBuffer[] = [];
  private readonly waiting: { resolve: (buffer: SharedArrayBuffer) => void; reject: (error: unknown) => void }[] = [];

  take(): Promise<SharedArrayBuffer> {
    if (this.failure) return Promise.reject(this.failure);
    const buffer = this.free.pop();
    if (buffer) return Promise.resolve(buffer);
    if (this.allocated < BATCHES_IN_FLIGHT) {
      this.allocated++;
      return Promise.resolve(new SharedArrayBuffer(BATCH_BYTES));
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  release(buffer: SharedArrayBuffer): void {
    const next = this.waiting.shift();
    if (next) next.resolve(buffer);
    else this.free.push(buffer);
  }

  /** A batch could not be written or hashed: the whole write fails with that error. */
  fail(error: unknown): void {
    this.failure ??= error instanceof Error ? error : new Error(String(error));
    for (const next of this.waiting.splice(0)) next.reject(this.failure);
  }

  check(): void {
    if (this.failure) throw this.failure;
  }
}

/** Starts an fdatasync each time FLUSH_EVERY_BYTES more have been written, one at a time, while writing goes on. */
class PeriodicFlush {
  private unflushed = 0;
  private running: Promise<void> | undefined;
  private failure: Error | undefined;

  constructor(private readonly file: FileHandle) {}

  written(bytes: number): void {
    this.unflushed += bytes;
    if (this.unflushed < FLUSH_EVERY_BYTES || this.running) return;
    this.unflushed = 0;
    this.running = this.file.datasync().then(
      () => {
        this.running = undefined;
      },
      (error: unknown) => {
        this.running = undefined;
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      },
    );
  }

  /** Resolves once no flush runs; throws what one of them failed with (a full disk may only say so here). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
    if (this.failure) throw this.failure;
  }
}

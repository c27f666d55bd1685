import { randomUUID } from 'node:crypto';
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, lstat, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ARTIFACT_NAME,
  ARTIFACT_PREFIX,
  artifactKey,
  type BlobKey,
  type BlobStore,
  BlobStoreFullError,
  BlobStoreUnavailableError,
  type ByteRange,
  type StaleUploads,
  type StoredArtifact,
  type WriteOptions,
  type WrittenBlob,
} from './blob-store.js';
import { writeHashedFile } from './hashed-file-write.js';

const KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}-[0-9a-f]{12}$/;
const CHUNK = 256 * 1024; // bench/files.mjs: 1 MiB was no faster and let 20 concurrent downloads grow memory past 64 MiB
const OUT_OF_SPACE = new Set(['ENOSPC', 'EDQUOT']);
const STALE_UPLOAD_AFTER_MS = 60 * 60 * 1000;

export interface DiskBlobStoreOptions {
  /**
   * A temp file nobody has written to for this long belongs to a write that died (kill -9, power loss):
   * a live write touches its file with every chunk, so another process's upload in progress is never taken.
   */
  staleUploadAfterMs?: number;
}

/**
 * Blobs as files under `<root>/sha256/ab/<sha256>-<id>`. A write goes to `<root>/tmp` first, is
 * flushed to disk, and is renamed into place (atomic on one filesystem) only once its digest checks out.
 */
export class DiskBlobStore implements BlobStore {
  readonly kind = 'disk';
  private readonly tmpDir: string;
  private readonly staleUploadAfterMs: number;

  constructor(
    private readonly root: string,
    options: DiskBlobStoreOptions = {},
  ) {
    this.tmpDir = path.join(root, 'tmp');
    this.staleUploadAfterMs = options.staleUploadAfterMs ?? STALE_UPLOAD_AFTER_MS;
  }

  async write(source: Readable, options: WriteOptions): Promise<WrittenBlob> {
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = path.join(this.tmpDir, randomUUID());
    try {
      const file = await open(tmp, 'wx');
      const { sha256, size } = await writeHashedFile(source, file, options).finally(() => file.close());
      const key = `sha256/${sha256.slice(0, 2)}/${sha256}-${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      await mkdir(path.dirname(this.pathOf(key)), { recursive: true });
      await rename(tmp, this.pathOf(key));
      await flush(path.dirname(this.pathOf(key))); // the rename itself must survive a power loss
      return { key, sha256, size };
    } catch (error) {
      await rm(tmp, { force: true });
      if (OUT_OF_SPACE.has((error as NodeJS.ErrnoException).code ?? '')) {
        throw new BlobStoreFullError(`No space left in ${this.root}: ${(error as Error).message}`);
      }
      throw error;
    }
  }

  /** Through `<root>/tmp` like a blob (a killed write is a stale upload), renamed into `<root>/artifacts` once flushed. */
  async putArtifact(name: string, source: Readable): Promise<StoredArtifact> {
    const key = artifactKey(name);
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = path.join(this.tmpDir, randomUUID());
    try {
      await pipeline(source, createWriteStream(tmp, { flags: 'wx', highWaterMark: CHUNK }));
      await flush(tmp);
      const { size } = await stat(tmp);
      await mkdir(path.dirname(this.pathOf(key)), { recursive: true });
      await rename(tmp, this.pathOf(key));
      await flush(path.dirname(this.pathOf(key)));
      return { key, size };
    } catch (error) {
      await rm(tmp, { force: true });
      if (OUT_OF_SPACE.has((error as NodeJS.ErrnoException).code ?? '')) {
        throw new BlobStoreFullError(`No space left in ${this.root}: ${(error as Error).message}`);
      }
      throw error;
    }
  }

  async read(key: BlobKey, range?: ByteRange): Promise<Readable> {
    const stream = createReadStream(this.pathOf(key), { highWaterMark: CHUNK, ...(range ?? {}) });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    return stream;
  }

  async size(key: BlobKey): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: BlobKey): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *keys(): AsyncIterable<BlobKey> {
    const base = path.join(this.root, 'sha256');
    let prefixes: string[];
    try {
      prefixes = await readdir(base);
    } catch {
      return;
    }
    for (const prefix of prefixes.sort()) {
      for (const name of (await readdir(path.join(base, prefix))).sort()) yield `sha256/${prefix}/${name}`;
    }
  }

  async probe(): Promise<void> {
    try {
      await mkdir(this.tmpDir, { recursive: true });
      await access(this.tmpDir, constants.W_OK);
    } catch (error) {
      throw new BlobStoreUnavailableError(`The blob folder cannot be written: ${(error as Error).message}`);
    }
  }

  async staleUploads(): Promise<StaleUploads> {
    let count = 0;
    let bytes = 0;
    for await (const file of this.staleTempFiles()) {
      count++;
      bytes += file.bytes;
    }
    return { count, bytes };
  }

  async removeStaleUploads(): Promise<StaleUploads> {
    let count = 0;
    let bytes = 0;
    for await (const file of this.staleTempFiles()) {
      await rm(file.path, { force: true });
      count++;
      bytes += file.bytes;
    }
    return { count, bytes };
  }

  private async *staleTempFiles(): AsyncIterable<{ path: string; bytes: number }> {
    const names = await readdir(this.tmpDir).catch(ignoreMissing);
    const writtenBefore = Date.now() - this.staleUploadAfterMs;
    for (const name of names ?? []) {
      const file = path.join(this.tmpDir, name);
      const info = await lstat(file).catch(ignoreMissing); // a write that just finished renamed it away
      if (info?.isFile() && info.mtimeMs < writtenBefore) yield { path: file, bytes: info.size };
    }
  }

  private pathOf(key: BlobKey): string {
    const artifact = key.startsWith(ARTIFACT_PREFIX) && ARTIFACT_NAME.test(key.slice(ARTIFACT_PREFIX.length));
    if (!KEY.test(key) && !artifact) throw new Error(`Not a disk blob key: ${key}`);
    return path.join(this.root, key);
  }
}

/** fsync a file or a directory. */
async function flush(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function ignoreMissing(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}

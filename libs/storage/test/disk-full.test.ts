import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStoreFullError, DiskBlobStore } from '@vetted/storage';
import { mountSmallDisk, type SmallDisk } from './small-disk.js';

const MB = 1024 * 1024;
let disk: SmallDisk;
beforeAll(async () => {
  disk = await mountSmallDisk(MB);
});
afterAll(() => disk?.unmount());

describe('disk blob store on a full disk (a 1 MiB tmpfs; needs root to mount)', () => {
  it('refuses a body the disk cannot hold with BlobStoreFullError, keeps nothing, and takes the next one that fits', async () => {
    const store = new DiskBlobStore(path.join(disk.dir, 'blobs'));
    const error = await store.write(Readable.from([randomBytes(2 * MB)]), { maxBytes: 10 * MB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobStoreFullError);
    expect((error as Error).message).toContain('ENOSPC');
    expect(await readdir(path.join(disk.dir, 'blobs', 'tmp'))).toEqual([]);
    const small = await store.write(Readable.from([Buffer.from('fits')]), { maxBytes: 10 });
    expect(await store.size(small.key)).toBe(4);
  });
});

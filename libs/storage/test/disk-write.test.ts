import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskBlobStore } from '@vetted/storage';

const MB = 1024 * 1024;
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

async function digestOf(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** `body` in pieces of uneven sizes, so batch boundaries fall inside chunks. */
function unevenChunks(body: Buffer): Readable {
  const pieces: Buffer[] = [];
  for (let offset = 0, size = 1; offset < body.length; offset += size, size = (size * 7 + 4093) % (3 * MB)) {
    pieces.push(body.subarray(offset, offset + size));
  }
  return Readable.from(pieces);
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'vetted-disk-write-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('disk blob store writes (hashed on the sha256 thread, written in batches, flushed as they go)', () => {
  it('stores a body of many batches and periodic flushes byte for byte, with its sha256', async () => {
    const store = new DiskBlobStore(root);
    const body = randomBytes(70 * MB + 17);
    const written = await store.write(unevenChunks(body), { maxBytes: 100 * MB, expectedBytes: body.length, expectedSha256: sha256(body) });
    expect(written).toMatchObject({ sha256: sha256(body), size: body.length });
    expect(await digestOf(createReadStream(path.join(root, written.key)))).toBe(sha256(body));
  });

  it('keeps concurrent writes apart on the one hashing thread', async () => {
    const store = new DiskBlobStore(root);
    const bodies = Array.from({ length: 6 }, (_, index) => randomBytes(3 * MB + index * 1000));
    const written = await Promise.all(bodies.map((body) => store.write(unevenChunks(body), { maxBytes: 10 * MB })));
    expect(written.map((blob) => blob.sha256)).toEqual(bodies.map(sha256));
    expect(written.map((blob) => blob.size)).toEqual(bodies.map((body) => body.length));
  });

  it('stores an empty body', async () => {
    const written = await new DiskBlobStore(root).write(Readable.from([]), { maxBytes: 10, expectedBytes: 0 });
    expect(written).toMatchObject({ sha256: sha256(Buffer.alloc(0)), size: 0 });
  });

  it('stops reading a body once it passes the limit, keeping nothing', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += MB;
        this.push(randomBytes(MB));
      },
    });
    await expect(new DiskBlobStore(root).write(endless, { maxBytes: 20 * MB })).rejects.toThrow('limit');
    expect(produced).toBeLessThan(40 * MB);
    expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
  });
});

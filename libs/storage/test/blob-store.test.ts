import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BlobStore,
  BlobStoreUnavailableError,
  BlobTooLargeError,
  ChecksumMismatchError,
  DiskBlobStore,
  IncompleteBodyError,
  S3BlobStore,
} from '@vetted/storage';
import { startS3Server, TEST_BUCKET, type TestS3Server } from '../../../test/s3-server.js';

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const MB = 1024 * 1024;

async function allKeys(store: BlobStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of store.keys()) keys.push(key);
  return keys;
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A body that sends some bytes, then fails the way a dropped client connection does. */
function disconnectingBody(bytes: number): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(randomBytes(bytes));
      } else {
        this.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
      }
    },
  });
}

let diskRoot: string;
let s3: TestS3Server;
const s3Store = () =>
  new S3BlobStore({
    bucket: TEST_BUCKET,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    partSize: 5 * MB,
  });

beforeAll(async () => {
  diskRoot = await mkdtemp(path.join(tmpdir(), 'vetted-blobs-'));
  s3 = await startS3Server();
});
afterAll(async () => {
  await rm(diskRoot, { recursive: true, force: true });
  await s3?.dispose();
});

describe.each([
  ['disk', () => new DiskBlobStore(diskRoot)],
  ['s3', s3Store],
])('%s blob store', (_kind, makeStore) => {
  let store: BlobStore;
  beforeAll(() => {
    store = makeStore();
  });

  it('writes a body while hashing it, then reads it back whole or by range', async () => {
    const body = Buffer.from('hello, weights');
    const written = await store.write(Readable.from([body]), { maxBytes: 1024 });
    expect(written).toMatchObject({ sha256: sha256(body), size: body.length });
    expect(await store.size(written.key)).toBe(body.length);
    expect(await text(await store.read(written.key))).toBe('hello, weights');
    expect(await text(await store.read(written.key, { start: 7, end: 13 }))).toBe('weights');
  });

  it('gives every write its own key, even for the same content', async () => {
    const a = await store.write(Readable.from([Buffer.from('same')]), { maxBytes: 10 });
    const b = await store.write(Readable.from([Buffer.from('same')]), { maxBytes: 10 });
    expect(a.sha256).toBe(b.sha256);
    expect(a.key).not.toBe(b.key);
  });

  it('stores a body larger than one multipart part intact', async () => {
    const body = randomBytes(11 * MB + 123);
    const written = await store.write(Readable.from([body.subarray(0, 4 * MB), body.subarray(4 * MB)]), {
      maxBytes: 20 * MB,
      expectedSha256: sha256(body),
      expectedBytes: body.length,
    });
    expect(written.size).toBe(body.length);
    expect(sha256(await bytesOf(await store.read(written.key)))).toBe(sha256(body));
    const tail = await bytesOf(await store.read(written.key, { start: body.length - 10, end: body.length - 1 }));
    expect(tail.equals(body.subarray(body.length - 10))).toBe(true);
  });

  it.each([
    ['a wrong checksum', { maxBytes: 100, expectedSha256: 'a'.repeat(64) }, ChecksumMismatchError],
    ['a body over the limit', { maxBytes: 3 }, BlobTooLargeError],
    ['a body shorter than declared', { maxBytes: 100, expectedBytes: 20 }, IncompleteBodyError],
    ['a body longer than declared', { maxBytes: 100, expectedBytes: 4 }, IncompleteBodyError],
  ])('refuses %s and keeps nothing', async (_case, options, errorClass) => {
    const before = await allKeys(store);
    await expect(store.write(Readable.from([Buffer.from('0123456789')]), options)).rejects.toBeInstanceOf(errorClass);
    expect(await allKeys(store)).toEqual(before);
    if (store.kind === 'disk') expect(await readdir(path.join(diskRoot, 'tmp'))).toEqual([]);
  });

  it('keeps nothing when the client disconnects mid-upload', async () => {
    const before = await allKeys(store);
    await expect(store.write(disconnectingBody(6 * MB), { maxBytes: 100 * MB })).rejects.toThrow();
    expect(await allKeys(store)).toEqual(before);
    if (store.kind === 'disk') expect(await readdir(path.join(diskRoot, 'tmp'))).toEqual([]);
  });

  it('answers a probe while it can be written to', async () => {
    await expect(store.probe()).resolves.toBeUndefined();
  });

  it('deletes, and knows an object is gone', async () => {
    const written = await store.write(Readable.from([Buffer.from('bye')]), { maxBytes: 10 });
    await store.delete(written.key);
    expect(await store.size(written.key)).toBeUndefined();
    expect(await allKeys(store)).not.toContain(written.key);
  });
});

describe('disk blob store specifics', () => {
  it('fails its probe with BlobStoreUnavailableError when its folder cannot be made', async () => {
    const blocker = path.join(diskRoot, 'not-a-folder');
    await writeFile(blocker, 'a file where the blob folder should be');
    await expect(new DiskBlobStore(blocker).probe()).rejects.toBeInstanceOf(BlobStoreUnavailableError);
  });
});

describe('s3 blob store specifics', () => {
  it('presigns a short-lived GET that serves the object as an attachment', async () => {
    const store = s3Store();
    const written = await store.write(Readable.from([Buffer.from('signed bytes')]), { maxBytes: 100 });
    const url = await store.presignGet(written.key, { expiresInSeconds: 60, filename: 'model.safetensors' });
    expect(url).toContain('X-Amz-Expires=60');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('signed bytes');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="model.safetensors"');
  });

  it('reports an unreachable server as unavailable and leaves nothing behind when it returns', async () => {
    const store = s3Store();
    const before = await allKeys(store);
    await s3.stop();
    try {
      await expect(store.write(Readable.from([Buffer.from('x')]), { maxBytes: 10 })).rejects.toBeInstanceOf(BlobStoreUnavailableError);
      await expect(store.read('blobs/anything')).rejects.toBeInstanceOf(BlobStoreUnavailableError);
      await expect(store.probe()).rejects.toBeInstanceOf(BlobStoreUnavailableError);
      await expect(allKeys(store)).rejects.toBeInstanceOf(BlobStoreUnavailableError);
      await expect(store.staleUploads()).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    } finally {
      await s3.restart();
    }
    expect(await allKeys(store)).toEqual(before);
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BlobStore, DiskBlobStore, S3BlobStore } from '@vetted/storage';
import { startS3Server, TEST_BUCKET, type TestS3Server } from '../../../test/s3-server.js';

const MB = 1024 * 1024;
const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

let diskRoot: string;
let s3: TestS3Server;

/** Chunks of a body that is only known chunk by chunk, as a bundle is: its length is not known upfront. */
function chunked(body: Buffer, chunk = MB): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < body.length; at += chunk) yield body.subarray(at, at + chunk);
    })(),
  );
}

/** Sends some bytes, then fails, as a bundle writer does when a blob cannot be read. */
function failingBody(bytes: number): Readable {
  return Readable.from(
    (function* () {
      yield randomBytes(bytes);
      throw new Error('the source failed');
    })(),
  );
}

async function keysIn(store: BlobStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of store.keys()) keys.push(key);
  return keys;
}

/** Every object in the bucket or folder, blob space or not. */
async function everything(kind: string): Promise<string[]> {
  if (kind === 'disk') {
    const entries = await readdir(diskRoot, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  }
  const client = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: S3_CREDENTIALS });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: TEST_BUCKET }));
  return (listed.Contents ?? []).map((object) => object.Key!);
}

beforeAll(async () => {
  diskRoot = await mkdtemp(path.join(tmpdir(), 'vetted-artifacts-'));
  s3 = await startS3Server();
});
afterAll(async () => {
  await rm(diskRoot, { recursive: true, force: true });
  await s3?.dispose();
});

describe.each([
  ['disk', () => new DiskBlobStore(diskRoot)],
  [
    's3',
    () =>
      new S3BlobStore({
        bucket: TEST_BUCKET,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        credentials: S3_CREDENTIALS,
        partSize: 5 * MB,
      }),
  ],
])('%s store artifacts', (kind, makeStore) => {
  let store: BlobStore;
  beforeAll(() => {
    store = makeStore();
  });

  it('stores a body of unknown length over several parts, readable whole and by range, outside the blob keys', async () => {
    const body = randomBytes(11 * MB + 7);
    const stored = await store.putArtifact(`export-${kind}.tar`, chunked(body));
    expect(stored).toEqual({ key: `artifacts/export-${kind}.tar`, size: body.length });
    expect(await store.size(stored.key)).toBe(body.length);
    expect((await buffer(await store.read(stored.key))).equals(body)).toBe(true);
    const range = await buffer(await store.read(stored.key, { start: 6 * MB - 3, end: 6 * MB + 2 }));
    expect(range.equals(body.subarray(6 * MB - 3, 6 * MB + 3))).toBe(true);
    expect(await keysIn(store)).not.toContain(stored.key);
  });

  it('replaces an artifact of the same name, and deletes it', async () => {
    await store.putArtifact('replaced.tar', chunked(Buffer.from('first')));
    const second = await store.putArtifact('replaced.tar', chunked(Buffer.from('second')));
    expect((await buffer(await store.read(second.key))).toString()).toBe('second');
    await store.delete(second.key);
    expect(await store.size(second.key)).toBeUndefined();
  });

  it('keeps nothing of a write whose source fails, and reports the source error as it is', async () => {
    const before = await everything(kind);
    await expect(store.putArtifact('failed.tar', failingBody(6 * MB))).rejects.toThrow(/^the source failed$/);
    expect(await everything(kind)).toEqual(before);
    expect(await store.size('artifacts/failed.tar')).toBeUndefined();
  });

  it('refuses a name that would leave the artifacts folder', async () => {
    await expect(store.putArtifact('../sha256/x', chunked(Buffer.from('x')))).rejects.toThrow('Not an artifact name');
  });
});

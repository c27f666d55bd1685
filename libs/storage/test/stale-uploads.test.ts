import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DiskBlobStore, S3BlobStore, verifyBlobs } from '@vetted/storage';
import { startS3Server, TEST_BUCKET, type TestS3Server } from '../../../test/s3-server.js';

const MB = 1024 * 1024;
const HOUR_MS = 60 * 60 * 1000;
async function* noRecords() {}

/** What a write killed with SIGKILL leaves: a temp file under <root>/tmp that nobody writes to any more. */
async function leftoverTempFile(root: string, bytes: number, idleMs: number): Promise<string> {
  const file = path.join(root, 'tmp', randomUUID());
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, randomBytes(bytes));
  const then = new Date(Date.now() - idleMs);
  await utimes(file, then, then);
  return file;
}

describe('stale uploads in the disk blob store', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'vetted-stale-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('reports and removes temp files idle past the bound, and keeps recent ones', async () => {
    await leftoverTempFile(root, 3 * MB, 2 * HOUR_MS);
    await leftoverTempFile(root, 1000, 2 * HOUR_MS);
    const recent = await leftoverTempFile(root, 10, 60_000);
    const store = new DiskBlobStore(root);
    expect(await store.staleUploads()).toEqual({ count: 2, bytes: 3 * MB + 1000 });
    expect(await store.removeStaleUploads()).toEqual({ count: 2, bytes: 3 * MB + 1000 });
    expect(await readdir(path.join(root, 'tmp'))).toEqual([path.basename(recent)]);
    expect(await store.staleUploads()).toEqual({ count: 0, bytes: 0 });
  });

  it('finds nothing in a store that never had a write', async () => {
    expect(await new DiskBlobStore(path.join(root, 'never-written')).removeStaleUploads()).toEqual({ count: 0, bytes: 0 });
  });

  it("never takes another replica's upload in progress, even with a short bound", async () => {
    const body = new PassThrough();
    const first = randomBytes(MB);
    const writing = new DiskBlobStore(root).write(body, { maxBytes: 10 * MB });
    body.write(first);
    await expect.poll(() => readdir(path.join(root, 'tmp')).catch(() => [])).toHaveLength(1);
    const other = new DiskBlobStore(root, { staleUploadAfterMs: 60_000 });
    expect(await other.removeStaleUploads()).toEqual({ count: 0, bytes: 0 });
    const last = randomBytes(1000);
    body.end(last);
    const written = await writing;
    expect(written.sha256).toBe(createHash('sha256').update(first).update(last).digest('hex'));
  });

  it('is part of the integrity report', async () => {
    await leftoverTempFile(root, 29 * 1000, 2 * HOUR_MS);
    const report = await verifyBlobs(noRecords(), new DiskBlobStore(root), { rehash: false });
    expect(report.staleUploads).toEqual({ count: 1, bytes: 29 * 1000 });
  });
});

describe('stale uploads in the S3 blob store', () => {
  let s3: TestS3Server;
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(() => s3?.dispose());

  it('says it cannot tell on a server that cannot list multipart uploads (s3rver), without failing the integrity check', async () => {
    const store = new S3BlobStore({
      bucket: TEST_BUCKET,
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await store.write(Readable.from([Buffer.from('kept')]), { maxBytes: 10 });
    expect(await store.removeStaleUploads()).toEqual({ count: null, bytes: null });
    const report = await verifyBlobs(noRecords(), store, { rehash: false });
    expect(report).toMatchObject({ unreferenced: [expect.stringMatching(/^blobs\//)], staleUploads: { count: null, bytes: null } });
  });
});

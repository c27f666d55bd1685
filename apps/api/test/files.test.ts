import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageConfig } from '@vetted/config';
import { createBlobStore } from '@vetted/storage';
import { startS3Server, TEST_BUCKET, type TestS3Server } from '../../../test/s3-server.js';
import { ApiHarness } from './api-harness.js';

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const MAX_FILE_BYTES = 8 * 1024 * 1024;

let s3: TestS3Server;
let diskRoot: string;
beforeAll(async () => {
  s3 = await startS3Server();
  diskRoot = await mkdtemp(path.join(tmpdir(), 'vetted-api-blobs-'));
});
afterAll(async () => {
  await s3?.dispose();
  await rm(diskRoot, { recursive: true, force: true });
});

const storages: [string, () => StorageConfig][] = [
  ['disk', () => ({ kind: 'disk', root: diskRoot })],
  [
    's3',
    () => ({
      kind: 's3',
      bucket: TEST_BUCKET,
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    }),
  ],
];

describe.each(storages)('weight files on %s storage', (kind, storage) => {
  let api: ApiHarness;
  let publisher: string;
  let viewer: string;
  let objects: () => Promise<string[]>;
  const model = `/v1/models/files-${kind}/tiny`;
  const files = (version: string) => `${model}/versions/${version}/files`;

  const put = (version: string, filePath: string, body: Buffer | string, headers: Record<string, string> = {}) =>
    api.request('PUT', `${files(version)}/${filePath}`, {
      key: publisher,
      rawBody: body,
      headers: { 'content-type': 'application/octet-stream', ...headers },
    });
  const newVersion = async (version: string) => {
    expect((await api.request('POST', `${model}/versions`, { key: publisher, body: { version } })).status).toBe(201);
  };
  const blobRows = () => api.sql<{ sha256: string; storage_key: string }>('SELECT sha256, storage_key FROM blobs ORDER BY sha256');

  beforeAll(async () => {
    api = await ApiHarness.start({ storage: storage(), maxFileBytes: MAX_FILE_BYTES });
    publisher = await api.keyFor('publisher');
    viewer = await api.keyFor('viewer');
    expect((await api.request('POST', '/v1/models', { key: publisher, body: { namespace: `files-${kind}`, name: 'tiny' } })).status).toBe(
      201,
    );
    const store = createBlobStore(storage());
    objects = async () => {
      const keys: string[] = [];
      for await (const key of store.keys()) keys.push(key);
      return keys.sort();
    };
  });
  afterAll(() => api?.close());

  it('stores an upload, lists it, and serves the same bytes with ETag and length', async () => {
    await newVersion('1');
    const body = randomBytes(300_000);
    const uploaded = await put('1', 'weights/model.safetensors', body, { 'x-checksum-sha256': sha256(body) });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      path: 'weights/model.safetensors',
      size: body.length,
      sha256: sha256(body),
      format: 'safetensors',
      scan: { status: 'pending' },
    });

    const listed = await api.request('GET', files('1'), { key: publisher });
    expect(listed.body.items.map((f: { path: string }) => f.path)).toEqual(['weights/model.safetensors']);

    const download = await api.request('GET', `${files('1')}/weights/model.safetensors`, { key: publisher });
    expect(download.status).toBe(200);
    expect(sha256(download.raw)).toBe(sha256(body));
    expect(download.headers).toMatchObject({
      etag: `"${sha256(body)}"`,
      'content-length': String(body.length),
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
    });
    expect(download.headers['content-disposition']).toContain('filename="model.safetensors"');
  });

  it('answers ranges, If-None-Match and HEAD', async () => {
    const url = `${files('1')}/weights/model.safetensors`;
    const whole = (await api.request('GET', url, { key: publisher })).raw;
    const part = await api.request('GET', url, { key: publisher, headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${whole.length}`);
    expect(part.raw.equals(whole.subarray(100, 200))).toBe(true);
    const suffix = await api.request('GET', url, { key: publisher, headers: { range: 'bytes=-10' } });
    expect(suffix.raw.equals(whole.subarray(whole.length - 10))).toBe(true);
    const beyond = await api.request('GET', url, { key: publisher, headers: { range: `bytes=${whole.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${whole.length}`);
    expect(beyond.body.code).toBe('range_not_satisfiable');
    const changed = await api.request('GET', url, { key: publisher, headers: { range: 'bytes=100-199', 'if-range': '"another-etag"' } });
    expect([changed.status, changed.raw.length]).toEqual([200, whole.length]);
    const cached = await api.request('GET', url, { key: publisher, headers: { 'if-none-match': `"${sha256(whole)}"` } });
    expect(cached.status).toBe(304);
    expect(cached.raw.length).toBe(0);
    const head = await api.request('HEAD', url, { key: publisher });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(whole.length));
    expect(head.raw.length).toBe(0);
  });

  it('stores the same content once, across paths, versions and concurrent uploads', async () => {
    await newVersion('2');
    const body = randomBytes(50_000);
    const before = await objects();
    const results = await Promise.all([put('2', 'a.bin', body), put('2', 'b.bin', body), put('1', 'copy.bin', body)]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect((await blobRows()).filter((b) => b.sha256 === sha256(body))).toHaveLength(1);
    expect((await objects()).length).toBe(before.length + 1);
  });

  it('replaces a draft file on re-upload and deletes the content nobody uses any more', async () => {
    await newVersion('3');
    const first = Buffer.from('first content');
    expect((await put('3', 'x.txt', first)).status).toBe(201);
    const replaced = await put('3', 'x.txt', 'second content');
    expect(replaced.status).toBe(200);
    expect(replaced.body.sha256).toBe(sha256('second content'));
    expect((await blobRows()).map((b) => b.sha256)).not.toContain(sha256(first));

    expect((await api.request('DELETE', `${files('3')}/x.txt`, { key: publisher })).status).toBe(204);
    expect((await blobRows()).map((b) => b.sha256)).not.toContain(sha256('second content'));
    expect((await api.request('DELETE', `${files('3')}/x.txt`, { key: publisher })).status).toBe(404);
  });

  it('never deletes content another file still uses', async () => {
    await newVersion('4');
    const shared = Buffer.from('shared across versions');
    await put('4', 'one.bin', shared);
    await put('3', 'two.bin', shared);
    expect((await api.request('DELETE', `${files('4')}/one.bin`, { key: publisher })).status).toBe(204);
    const download = await api.request('GET', `${files('3')}/two.bin`, { key: publisher });
    expect(download.raw.toString()).toBe('shared across versions');
  });

  it('refuses a wrong checksum with 400 and keeps nothing', async () => {
    await newVersion('5');
    const before = { objects: await objects(), blobs: await blobRows() };
    const reply = await put('5', 'bad.bin', 'some bytes', { 'x-checksum-sha256': sha256('other bytes') });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('checksum_mismatch');
    expect(await api.sql(`SELECT 1 FROM model_files WHERE path = 'bad.bin'`)).toHaveLength(0);
    expect({ objects: await objects(), blobs: await blobRows() }).toEqual(before);
    expect((await put('5', 'bad.bin', 'x', { 'x-checksum-sha256': 'not-hex' })).body.errors[0].field).toBe('X-Checksum-Sha256');
  });

  it.each([
    ['..%2Fescape.bin', '".."'],
    ['a%2F..%2F..%2Fx', '".."'],
    ['%2Fetc%2Fpasswd', 'relative'],
    ['a%5C..%5Cx', '"\\"'],
    ['C%3A%5Cx', '"\\"'],
    ['nul%00byte', 'control'],
    ['a%2F%2Fb', 'empty segments'],
    ['CON', 'device'],
    ['evil%E2%80%AEtxt.exe', 'bidirectional'],
  ])('refuses the path %s', async (encoded, reason) => {
    const reply = await put('5', encoded, 'x');
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'invalid_path', errors: [{ field: 'path' }] });
    expect(reply.body.errors[0].message).toContain(reason);
  });

  it('refuses a path that differs from another only by case', async () => {
    expect((await put('5', 'Model.bin', 'a')).status).toBe(201);
    const clash = await put('5', 'model.bin', 'b');
    expect(clash.status).toBe(400);
    expect(clash.body.code).toBe('path_collision');
  });

  it('refuses files over the size limit with 413, whether declared or streamed', async () => {
    const declared = await put('5', 'big.bin', Buffer.alloc(MAX_FILE_BYTES + 1));
    expect(declared.status).toBe(413);
    expect(declared.body.code).toBe('file_too_large');

    const before = { objects: await objects(), blobs: await blobRows() };
    const base = await api.listen();
    const chunks = function* () {
      for (let sent = 0; sent <= MAX_FILE_BYTES; sent += 1024 * 1024) yield randomBytes(1024 * 1024);
    };
    const streamed = await fetch(`${base}${files('5')}/big.bin`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${publisher}`, 'content-type': 'application/octet-stream' },
      body: ReadableStream.from(chunks()),
      duplex: 'half',
    });
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { code: string }).code).toBe('file_too_large');
    expect(await api.sql(`SELECT 1 FROM model_files WHERE path = 'big.bin'`)).toHaveLength(0);
    await expect.poll(async () => ({ objects: await objects(), blobs: await blobRows() })).toEqual(before);
  });

  it('freezes the files on submit and gives the version a manifest commit sha', async () => {
    await newVersion('empty');
    expect((await api.request('POST', `${model}/versions/empty/submit`, { key: publisher })).body.code).toBe('version_empty');
    const submitted = await api.request('POST', `${model}/versions/1/submit`, { key: publisher });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'pending_review', commitSha: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect((await api.request('POST', `${model}/versions/1/submit`, { key: publisher })).body.code).toBe('version_not_draft');
    const late = await put('1', 'late.bin', 'too late');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('version_frozen');
    expect((await api.request('DELETE', `${files('1')}/copy.bin`, { key: publisher })).status).toBe(409);
  });

  it('lets viewers download approved versions only, and records every download', async () => {
    const url = `${files('1')}/weights/model.safetensors`;
    await api.sql(`UPDATE model_versions SET status = 'approved' WHERE label = '2'`);
    const pending = await api.request('GET', url, { key: viewer });
    expect(pending.status).toBe(403);
    expect(pending.body.code).toBe('version_not_approved');
    expect(pending.body.detail).toContain('pending_review');
    expect((await api.request('GET', files('1'), { key: viewer })).status).toBe(403);

    await api.sql(`UPDATE model_versions SET status = 'approved' WHERE label = '1'`);
    const approved = await api.request('GET', url, { key: viewer });
    expect(approved.status).toBe(200);
    await expect
      .poll(() =>
        api.sql(
          `SELECT actor, data FROM audit_events WHERE action = 'file.downloaded' AND actor LIKE 'key:%' AND data->>'complete' = 'true' AND subject_id LIKE '%@1/weights/model.safetensors'`,
        ),
      )
      .toContainEqual({
        actor: expect.stringMatching(/^key:/),
        data: expect.objectContaining({ bytes: approved.raw.length, sha256: sha256(approved.raw) }),
      });
  });

  it('keeps nothing when the client disconnects mid-upload', async () => {
    await newVersion('6');
    const base = api.app.getHttpServer().listening
      ? `http://127.0.0.1:${(api.app.getHttpServer().address() as net.AddressInfo).port}`
      : await api.listen();
    const before = { objects: await objects(), blobs: await blobRows() };
    const { port } = new URL(base);
    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `PUT ${files('6')}/cut.bin HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${publisher}\r\nContent-Type: application/octet-stream\r\nContent-Length: 5000000\r\n\r\n`,
        );
        socket.write(randomBytes(1_000_000), () => setTimeout(() => socket.destroy(), 200));
      });
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    await expect.poll(async () => ({ objects: await objects(), blobs: await blobRows() }), { timeout: 5000 }).toEqual(before);
    expect(await api.sql(`SELECT 1 FROM model_files WHERE path = 'cut.bin'`)).toHaveLength(0);
    if (kind === 'disk') await expect.poll(() => readdir(path.join(diskRoot, 'tmp'))).toEqual([]);
  });

  it('never stores more than Content-Length declares; the extra bytes get a 400 problem', async () => {
    await newVersion('8');
    const base = api.app.getHttpServer().listening
      ? `http://127.0.0.1:${(api.app.getHttpServer().address() as net.AddressInfo).port}`
      : await api.listen();
    const responses = await new Promise<string>((resolve) => {
      let received = '';
      const socket = net.connect(Number(new URL(base).port), '127.0.0.1', () => {
        socket.write(
          `PUT ${files('8')}/short.txt HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${publisher}\r\nContent-Type: application/octet-stream\r\nContent-Length: 5\r\n\r\n0123456789`,
        );
      });
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
      socket.on('error', () => undefined);
      setTimeout(() => socket.end(), 1000);
    });
    // The first 5 bytes are a complete request; the rest cannot be parsed and the connection closes,
    // which may or may not happen before that upload is recorded. Either way, never 10 bytes.
    expect(responses).toContain('HTTP/1.1 400 Bad Request');
    expect(responses).toContain('"code":"malformed_request"');
    const rows = await api.sql<{ size: string; sha256: string }>(`SELECT size::text, sha256 FROM model_files WHERE path = 'short.txt'`);
    expect(rows.length === 0 || (rows[0]!.size === '5' && rows[0]!.sha256 === sha256('01234'))).toBe(true);
  });

  it('verifies stored blobs for an admin: missing, corrupt and unreferenced objects are reported', async () => {
    const admin = await api.keyFor('admin');
    // An upload from an earlier test may still land while this runs: count rows on both sides.
    const rowsBefore = (await blobRows()).length;
    const clean = await api.request('GET', '/v1/admin/blobs/verify?rehash=true', { key: admin });
    const rowsAfter = (await blobRows()).length;
    expect(clean.status).toBe(200);
    expect(clean.body).toMatchObject({ rehashed: true, missing: [], corrupt: [] });
    expect(clean.body.checked).toBeGreaterThanOrEqual(rowsBefore);
    expect(clean.body.checked).toBeLessThanOrEqual(rowsAfter);
    expect((await api.request('GET', '/v1/admin/blobs/verify', { key: publisher })).status).toBe(403);

    await newVersion('7');
    await put('7', 'lost.bin', 'will be lost');
    await put('7', 'tampered.bin', 'will be tampered');
    const store = createBlobStore(storage());
    const [lost] = await api.sql<{ storage_key: string }>('SELECT storage_key FROM blobs WHERE sha256 = $1', [sha256('will be lost')]);
    await store.delete(lost!.storage_key);
    await api.sql(`UPDATE blobs SET sha256 = $1 WHERE sha256 = $2`, ['f'.repeat(64), sha256('will be tampered')]);
    const stray = await store.write(Readable.from([Buffer.from('stray')]), { maxBytes: 10 });

    const report = await api.request('GET', '/v1/admin/blobs/verify?rehash=true', { key: admin });
    expect(report.body.missing).toEqual([{ sha256: sha256('will be lost'), storageKey: lost!.storage_key }]);
    expect(report.body.corrupt).toEqual([
      expect.objectContaining({ sha256: 'f'.repeat(64), problem: `sha256 ${sha256('will be tampered')}` }),
    ]);
    expect(report.body.unreferenced).toContain(stray.key);
    const quick = await api.request('GET', '/v1/admin/blobs/verify', { key: admin });
    expect(quick.body.corrupt).toEqual([]);
    expect(quick.body.missing).toHaveLength(1);
  });
});

describe('S3 specifics', () => {
  let api: ApiHarness;
  let publisher: string;
  const model = '/v1/models/s3only/redirect';

  beforeAll(async () => {
    api = await ApiHarness.start({ storage: storages[1]![1]() });
    publisher = await api.keyFor('publisher');
    await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 's3only', name: 'redirect' } });
    await api.request('POST', `${model}/versions`, { key: publisher, body: { version: '1' } });
  });
  afterAll(() => api?.close());

  it('redirects a download to a short-lived presigned URL on request', async () => {
    await api.request('PUT', `${model}/versions/1/files/model.onnx`, {
      key: publisher,
      rawBody: 'onnx bytes',
      headers: { 'content-type': 'application/octet-stream' },
    });
    const reply = await api.request('GET', `${model}/versions/1/files/model.onnx?redirect=1`, { key: publisher });
    expect(reply.status).toBe(302);
    const location = String(reply.headers.location);
    expect(location).toContain('X-Amz-Expires=300');
    const fetched = await fetch(location);
    expect(await fetched.text()).toBe('onnx bytes');
  });

  it('answers 503 when the S3 server is down, and records nothing', async () => {
    const blobsBefore = await api.sql('SELECT sha256 FROM blobs');
    await s3.stop();
    try {
      const reply = await api.request('PUT', `${model}/versions/1/files/down.bin`, {
        key: publisher,
        rawBody: 'bytes',
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(reply.status).toBe(503);
      expect(reply.body.code).toBe('storage_unavailable');
    } finally {
      await s3.restart();
    }
    expect(await api.sql('SELECT sha256 FROM blobs')).toEqual(blobsBefore);
    expect(await api.sql(`SELECT 1 FROM model_files WHERE path = 'down.bin'`)).toHaveLength(0);
  });
});

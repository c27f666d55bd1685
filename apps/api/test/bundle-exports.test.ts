import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { INestApplicationContext } from '@nestjs/common';
import { readBundle } from '@vetted/bundles';
import type { StorageConfig } from '@vetted/config';
import { createPrismaClient, type PrismaClient } from '@vetted/db';
import { generateSigningKeyPem, publicKeyFromPem } from '@vetted/signing';
import { type BlobStore, type ByteRange, createBlobStore } from '@vetted/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, TEST_BUCKET, type TestS3Server } from '../../../test/s3-server.js';
import { BundleExporter } from '../../worker/src/bundles/bundle-exporter.js';
import { ExportSweeper } from '../../worker/src/bundles/export-sweeper.js';
import { ExportRepository } from '../../worker/src/bundles/export.repository.js';
import { createWorker } from '../../worker/src/worker.js';
import { ApiHarness } from './api-harness.js';
import { admin, approvedOn, FILES, finishedExport } from './bundle-fixtures.js';

const HOUR_MS = 3600 * 1000;
const RETENTION_HOURS = 2;
const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

let s3: TestS3Server;
let site: ApiHarness;
let store: BlobStore;
let db: PrismaClient;
let worker: INestApplicationContext | undefined;

/** A site whose blobs and exports live in S3, with a worker keeping exports RETENTION_HOURS (started by the first test). */
beforeAll(async () => {
  s3 = await startS3Server();
  const storage: StorageConfig = {
    kind: 's3',
    bucket: TEST_BUCKET,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: S3_CREDENTIALS,
  };
  site = await ApiHarness.start({ storage, exportRetentionHours: RETENTION_HOURS });
  store = createBlobStore(storage);
  db = createPrismaClient(site.databaseUrl, 2);
  await approvedOn(site, 'carried', '1');
}, 120_000);
afterAll(async () => {
  await worker?.close();
  await db?.$disconnect();
  await site?.close();
  await s3?.dispose();
});

const startExport = async (): Promise<string> => {
  const created = await site.request('POST', '/v1/exports', { ...admin, body: { models: ['acme/carried@1'] } });
  expect(created.status).toBe(202);
  return created.body.id as string;
};

const exportRow = async (id: string) =>
  (
    await site.sql<{ status: string; attempts: number; storage_key: string | null }>(
      `SELECT status, attempts, storage_key FROM bundle_exports WHERE id = $1`,
      [id],
    )
  )[0];

/** Every export tar in the bucket. */
async function storedTars(): Promise<string[]> {
  const client = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: S3_CREDENTIALS });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: TEST_BUCKET, Prefix: 'artifacts/' }));
  return (listed.Contents ?? []).map((object) => object.Key!).sort();
}

const jobFinished = (id: string) =>
  expect
    .poll(
      async () =>
        (
          await site.sql<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = 'bundle.export' AND data->>'exportId' = $1`, [id])
        ).map((job) => job.state),
      { timeout: 30_000 },
    )
    .toEqual(['completed']);

/**
 * The store as a worker that dies mid-export sees it: the first blob read hands out its first chunk, then
 * nothing more until `kill` (no bytes, no heartbeat: what a killed process leaves), then an error.
 */
function freezingStore(): { store: BlobStore; midway: Promise<void>; kill: () => void } {
  let reached!: () => void;
  let kill!: () => void;
  const midway = new Promise<void>((resolve) => (reached = resolve));
  const killed = new Promise<void>((resolve) => (kill = resolve));
  const frozen: BlobStore = Object.create(store) as BlobStore;
  frozen.read = async (key: string, range?: ByteRange) => {
    const bytes = await store.read(key, range);
    return Readable.from(
      (async function* () {
        for await (const chunk of bytes) {
          yield chunk as Buffer;
          reached();
          await killed;
          throw new Error('the worker was killed');
        }
      })(),
    );
  };
  return { store: frozen, midway, kill };
}

describe('exports written by workers into S3', () => {
  it('finishes an export whose worker died mid-way: the sweep queues it again and another worker writes it', async () => {
    const id = await startExport();
    const dying = freezingStore();
    const timing = { heartbeatMs: 3_600_000, staleAfterMs: 60_000, sweepMs: 3_600_000 };
    const firstAttempt = new BundleExporter(site.config, dying.store, new ExportRepository(db), timing).run(id, false);
    await dying.midway;
    expect(await exportRow(id)).toMatchObject({ status: 'running', attempts: 1 });

    // A live worker takes the queued job but leaves the export to the attempt whose heartbeat is fresh.
    worker = await createWorker({ ...site.config, logLevel: 'error' });
    await jobFinished(id);
    expect(await exportRow(id)).toMatchObject({ status: 'running', attempts: 1 });

    // Its heartbeat goes stale, as a killed worker's does; the sweep queues the export again.
    await site.sql(`UPDATE bundle_exports SET heartbeat_at = now() - interval '10 minutes' WHERE id = $1`, [id]);
    await worker.get(ExportSweeper).recover(new Date());
    const done = await finishedExport(site, id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2, error: null });
    expect(Date.parse(done.expiresAt) - Date.parse(done.finishedAt)).toBe(RETENTION_HOURS * HOUR_MS);

    // The stalled attempt, ended at last, neither touches the export nor leaves a tar behind.
    dying.kill();
    await expect(firstAttempt).rejects.toThrow('the worker was killed');
    expect(await exportRow(id)).toEqual({ status: 'succeeded', attempts: 2, storage_key: `artifacts/export-${id}-2.tar` });
    expect(await storedTars()).toEqual([`artifacts/export-${id}-2.tar`]);

    const download = await site.request('GET', `/v1/exports/${id}/download`, admin);
    expect(download.status).toBe(200);
    expect(download.raw.length).toBe(done.size);
    const [key] = (await site.request('GET', '/v1/signing-keys', admin)).body.items;
    const carried: Buffer[] = [];
    const read = await readBundle(
      Readable.from([download.raw]),
      { trusted: [publicKeyFromPem(key.publicKeyPem)] },
      async (_entry, bytes) => {
        carried.push(await buffer(bytes));
      },
    );
    expect(read.versions.map(({ record }) => `${record.model}@${record.version}`)).toEqual(['acme/carried@1']);
    expect(carried.map((bytes) => bytes.length).sort()).toEqual(
      Object.values(FILES)
        .map((bytes) => bytes.length)
        .sort(),
    );
  });

  it('fails, saying why, an export no retry could write: a worker signing with another key than the site publishes', async () => {
    const [row] = await site.sql<{ id: string }>(
      `INSERT INTO bundle_exports (versions, created_by, signer) VALUES ('{acme/carried@1}', 'test', $1) RETURNING id`,
      [(await site.request('GET', '/v1/signing-keys', admin)).body.items[0].fingerprint],
    );
    const misconfigured = { ...site.config, signingKeyPem: generateSigningKeyPem() };
    await new BundleExporter(misconfigured, store, new ExportRepository(db)).run(row!.id, false);
    const failed = await site.request('GET', `/v1/exports/${row!.id}`, admin);
    expect(failed.body).toMatchObject({ status: 'failed', attempts: 1, size: null });
    expect(failed.body.error).toContain('give the API and every worker the same VETTED_SIGNING_KEY');
    const download = await site.request('GET', `/v1/exports/${row!.id}/download`, admin);
    expect(download.body).toMatchObject({ status: 409, code: 'export_not_ready' });
    expect(download.body.detail).toContain('VETTED_SIGNING_KEY');
    expect((await storedTars()).filter((tar) => tar.includes(row!.id))).toEqual([]);
  });

  it('serves the tar from S3 by range', async () => {
    const id = await startExport();
    const { size } = await finishedExport(site, id);
    const whole = (await site.request('GET', `/v1/exports/${id}/download`, admin)).raw;
    const ranged = async (range: string) => site.request('GET', `/v1/exports/${id}/download`, { ...admin, headers: { range } });
    const middle = await ranged('bytes=1000-2999');
    expect(middle.status).toBe(206);
    expect(middle.headers['content-range']).toBe(`bytes 1000-2999/${size}`);
    expect(middle.raw.equals(whole.subarray(1000, 3000))).toBe(true);
    const suffix = await ranged('bytes=-100');
    expect(suffix.raw.equals(whole.subarray(size - 100))).toBe(true);
    const beyond = await ranged(`bytes=${size}-`);
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${size}`);
  });

  it('expires an export once its retention has passed: the tar is deleted and the download answers 410', async () => {
    const id = await startExport();
    const { finishedAt } = await finishedExport(site, id);
    const { storage_key: key } = (await exportRow(id))!;
    const sweeper = worker!.get(ExportSweeper);
    await sweeper.expire(new Date(Date.parse(finishedAt) + (RETENTION_HOURS - 0.5) * HOUR_MS));
    expect((await site.request('GET', `/v1/exports/${id}`, admin)).body.status).toBe('succeeded');

    await sweeper.expire(new Date(Date.parse(finishedAt) + (RETENTION_HOURS + 0.5) * HOUR_MS));
    expect(await exportRow(id)).toMatchObject({ status: 'expired', storage_key: null });
    expect(await store.size(key!)).toBeUndefined();
    const gone = await site.request('GET', `/v1/exports/${id}/download`, admin);
    expect(gone.status).toBe(410);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    expect(gone.body).toMatchObject({ code: 'export_expired', status: 410 });
  });

  it('deletes an export and its tar at once, admins only; one deleted while a worker writes it leaves nothing', async () => {
    const id = await startExport();
    await finishedExport(site, id);
    const { storage_key: key } = (await exportRow(id))!;
    const publisher = await site.keyFor('publisher');
    expect((await site.request('DELETE', `/v1/exports/${id}`, { key: publisher })).status).toBe(403);
    expect((await site.request('DELETE', `/v1/exports/${id}`, admin)).status).toBe(204);
    expect((await site.request('GET', `/v1/exports/${id}`, admin)).body.code).toBe('export_not_found');
    expect(await store.size(key!)).toBeUndefined();
    expect((await site.request('DELETE', `/v1/exports/${id}`, admin)).status).toBe(404);

    // Queued or mid-write when deleted (the worker is running): either way, no tar is left once its job ends.
    const early = await startExport();
    expect((await site.request('DELETE', `/v1/exports/${early}`, admin)).status).toBe(204);
    await jobFinished(early);
    expect((await storedTars()).filter((tar) => tar.includes(early))).toEqual([]);
  });
});

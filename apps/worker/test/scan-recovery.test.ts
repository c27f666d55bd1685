import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { createPrismaClient, type PrismaClient } from '@vetted/db';
import type { FileScan, FileScanStatus, VersionScan } from '@vetted/formats';
import { JobQueue } from '@vetted/queue';
import { type BlobStore, createBlobStore } from '@vetted/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safetensorsFile } from '../../../libs/formats/test/safetensors-writer.js';
import { freePort } from '../../../test/free-port.js';
import { ApiHarness } from '../../api/test/api-harness.js';
import { autoBenchmarkFiles } from '../src/scans/auto-benchmark-files.js';
import { isPermanentWriteError } from '../src/scans/database-error.js';
import { Transactions } from '../src/infra/transactions.js';
import { ScanRecorder, type ScannedVersion } from '../src/scans/scan-recorder.js';
import { ScanRecovery } from '../src/scans/scan-recovery.js';
import { ScanRepository } from '../src/scans/scan.repository.js';
import { DEFAULT_LIVENESS } from '../src/infra/liveness.js';
import { VersionScanner } from '../src/scans/version-scanner.js';
import { createWorker } from '../src/worker.js';

let api: ApiHarness;
let worker: INestApplicationContext;
let db: PrismaClient;
let queue: JobQueue;
let publisher: string;

/** Distinct bytes per test: storage is content-addressed, and one test deletes its stored copy. */
const weights = (seed: string): Buffer => safetensorsFile({ weight: { dtype: 'F32', shape: [4, 4] } }, { seed });

beforeAll(async () => {
  api = await ApiHarness.start();
  worker = await createWorker({ ...api.config, logLevel: 'error' });
  db = createPrismaClient(api.databaseUrl, 2);
  queue = new JobQueue({ databaseUrl: api.databaseUrl, supervise: false, applicationName: 'test-scan-recovery' });
  publisher = await api.keyFor('publisher');
});
afterAll(async () => {
  await worker?.close();
  await db?.$disconnect();
  await api?.close();
});

interface VersionRow {
  id: string;
  scanned_at: Date | null;
  scan_heartbeat_at: Date | null;
  scan_attempts: number;
}

/** Uploads the files as version 1 of a new model; submits it unless told not to (the worker then scans it). */
async function upload(name: string, files: Record<string, Buffer>, submit = true): Promise<string> {
  await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'recovery', name, license: 'mit' } });
  const base = `/v1/models/recovery/${name}/versions/1`;
  expect((await api.request('POST', `/v1/models/recovery/${name}/versions`, { key: publisher, body: { version: '1' } })).status).toBe(201);
  for (const [file, bytes] of Object.entries(files)) {
    const put = await api.request('PUT', `${base}/files/${file}`, {
      key: publisher,
      rawBody: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(put.status).toBe(201);
  }
  if (submit) expect((await api.request('POST', `${base}/submit`, { key: publisher })).status).toBe(201);
  return base;
}

const scanView = async (base: string) => (await api.request('GET', `${base}/scan`, { key: publisher })).body;

async function scanned(base: string): Promise<void> {
  await expect.poll(async () => (await scanView(base)).status, { timeout: 20_000 }).not.toBe('pending');
}

async function versionRow(name: string): Promise<VersionRow> {
  const [row] = await api.sql<VersionRow>(
    `SELECT v.id, v.scanned_at, v.scan_heartbeat_at, v.scan_attempts FROM model_versions v JOIN models m ON m.id = v.model_id
     WHERE m.namespace = 'recovery' AND m.name = $1 AND v.label = '1'`,
    [name],
  );
  return row!;
}

/** What a worker that died mid-scan leaves: nothing recorded, files pending, a heartbeat from long ago. */
async function dieMidScan(id: string, attempts: number): Promise<void> {
  await api.sql(`UPDATE model_files SET scan_status = 'pending' WHERE version_id = $1`, [id]);
  await api.sql(
    `UPDATE model_versions SET scanned_at = NULL, scan_heartbeat_at = now() - interval '10 minutes', scan_attempts = $2 WHERE id = $1`,
    [id, attempts],
  );
}

const scanJobs = (id: string) =>
  api.sql<{ state: string; retry_count: number }>(
    `SELECT state, retry_count FROM pgboss.job WHERE name = 'version.scan' AND data->>'versionId' = $1 ORDER BY created_on`,
    [id],
  );

async function scannedVersion(id: string): Promise<ScannedVersion> {
  return db.modelVersion.findUniqueOrThrow({
    where: { id },
    select: { id: true, label: true, scanRequestedAt: true, facts: true, model: { select: { id: true, namespace: true, name: true } } },
  });
}

describe('a scan that cannot record its results', () => {
  it('ends recorded, not pending and not retried, when a weight file holds strings PostgreSQL cannot store', async () => {
    const base = await upload('nul-metadata', {
      'model.safetensors': safetensorsFile({ w: { dtype: 'F32', shape: [2] } }, { note: 'a\u0000b' }),
    });
    await scanned(base);
    const view = await scanView(base);
    expect(view.scannedAt).toEqual(expect.any(String));
    expect(view.counts.pending).toBe(0);
    const { id } = await versionRow('nul-metadata');
    await expect.poll(() => scanJobs(id), { timeout: 10_000 }).toEqual([{ state: 'completed', retry_count: 0 }]);
  });

  it('marks every file error with one finding, records the audit event and returns instead of throwing', async () => {
    const base = await upload('refused', { 'model.safetensors': weights('refused'), 'config.json': Buffer.from('{"model_type": "x"}') });
    await scanned(base);
    const { id } = await versionRow('refused');
    await dieMidScan(id, 1);
    const version = await scannedVersion(id);
    const refused: VersionScan = {
      files: [
        {
          path: 'model.safetensors',
          inspector: 'safetensors',
          sniffed: 'safetensors',
          status: 'clean',
          facts: { name: 'a\u0000b' },
          findings: [],
        },
      ],
      facts: { formats: ['safetensors'], onnx: [], gguf: [], remoteCode: false, benchmarkFiles: [] },
      benchmarkCandidates: [],
    };
    const recorder = new ScanRecorder(api.config, new ScanRepository(db), new Transactions(db), queue);
    await expect(recorder.record(version, refused)).resolves.toBe('not_recorded');

    const view = await scanView(base);
    expect(view).toMatchObject({ status: 'error', scannedAt: expect.any(String), counts: { error: 2, pending: 0 } });
    for (const file of view.files) {
      expect(file.findings).toEqual([
        {
          severity: 'critical',
          code: 'scan_not_recorded',
          message: expect.stringMatching(
            /^The scan finished but the database refused its results \(22P05 unsupported Unicode escape sequence/,
          ),
        },
      ]);
      expect(file.findings[0].message).not.toMatch(/Invalid `|\n| at /);
    }
    expect(await versionRow('refused')).toMatchObject({ scan_heartbeat_at: null, scan_attempts: 0 });
    const [event] = await api.sql<{ data: { statuses: object; error: { code: string } } }>(
      `SELECT data FROM audit_events WHERE action = 'version.scanned' AND subject_id = 'recovery/refused@1' ORDER BY id DESC LIMIT 1`,
    );
    expect(event!.data).toMatchObject({ statuses: { error: 2 }, error: { code: 'scan_not_recorded' } });
    const published = await api.sql<{ payload: object }>(
      `SELECT payload FROM domain_events WHERE type = 'version.scanned' AND subject_id = 'recovery/refused@1' ORDER BY seq`,
    );
    expect(published.at(-1)).toEqual({ payload: expect.objectContaining({ statuses: { error: 2 }, findings: { critical: 2 } }) });
  });

  it('throws an error a retry may fix (the database unreachable) instead of recording it', async () => {
    const base = await upload('unreachable', { 'model.safetensors': weights('unreachable') });
    await scanned(base);
    const { id } = await versionRow('unreachable');
    await dieMidScan(id, 1);
    const version = await scannedVersion(id);
    const offline = createPrismaClient(`postgresql://nobody:x@127.0.0.1:${await freePort()}/none`, 1);
    try {
      const error = await new ScanRecorder(api.config, new ScanRepository(offline), new Transactions(offline), queue)
        .record(version, {
          files: [],
          facts: { formats: [], onnx: [], gguf: [], remoteCode: false, benchmarkFiles: [] },
          benchmarkCandidates: [],
        })
        .then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
      expect(error).toBeInstanceOf(Error);
      expect(isPermanentWriteError(error)).toBe(false);
    } finally {
      await offline.$disconnect();
    }
    expect((await scanView(base)).status).toBe('pending');
  });

  it('ends as error on the last attempt of any failure, after the queue retried it', async () => {
    const base = await upload('lost-bytes', { 'model.safetensors': weights('lost-bytes') }, false);
    const [blob] = await api.sql<{ storage_key: string }>(
      `SELECT b.storage_key FROM blobs b JOIN model_files f ON f.sha256 = b.sha256 JOIN model_versions v ON v.id = f.version_id
       JOIN models m ON m.id = v.model_id WHERE m.name = 'lost-bytes'`,
    );
    const storage = api.config.storage;
    if (storage.kind !== 'disk') throw new Error('the harness stores on disk');
    await rm(path.join(storage.root, blob!.storage_key));
    expect((await api.request('POST', `${base}/submit`, { key: publisher })).status).toBe(201);

    await expect.poll(async () => (await scanView(base)).status, { timeout: 60_000, interval: 250 }).toBe('error');
    const [file] = (await scanView(base)).files;
    expect(file.findings).toEqual([
      {
        severity: 'critical',
        code: 'scan_failed',
        message: expect.stringMatching(/^The scan failed 4 times and was given up \(last error: reading stored bytes/),
      },
    ]);
    const { id } = await versionRow('lost-bytes');
    await expect.poll(() => scanJobs(id), { timeout: 10_000 }).toEqual([{ state: 'completed', retry_count: 3 }]);
    expect(await versionRow('lost-bytes')).toMatchObject({ scan_heartbeat_at: null, scan_attempts: 0 });
  }, 90_000);
});

describe('scan heartbeat and recovery', () => {
  it('beats while a scan runs, and a sweep leaves a live scan alone', async () => {
    const base = await upload('alive', { 'model.safetensors': weights('alive') });
    await scanned(base);
    const { id } = await versionRow('alive');
    await api.sql(`UPDATE model_versions SET scanned_at = NULL WHERE id = $1`, [id]);
    // Reads wait until released: the scan is caught mid-way, its heartbeat running.
    const store = createBlobStore(api.config.storage);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const gated: BlobStore = { ...store, kind: store.kind, read: async (key, range) => (await released, store.read(key, range)) };
    const scanner = new VersionScanner(api.config, gated, new ScanRepository(db), new Transactions(db), queue, {
      ...DEFAULT_LIVENESS,
      heartbeatMs: 20,
    });
    const scan = scanner.scan(id);

    await expect.poll(async () => (await versionRow('alive')).scan_attempts, { timeout: 10_000 }).toBe(1);
    const first = (await versionRow('alive')).scan_heartbeat_at!;
    await expect
      .poll(async () => (await versionRow('alive')).scan_heartbeat_at!.getTime(), { timeout: 10_000 })
      .toBeGreaterThan(first.getTime());
    const jobsBefore = (await scanJobs(id)).length;
    await worker.get(ScanRecovery).sweep();
    expect(await scanJobs(id)).toHaveLength(jobsBefore);

    release();
    await expect(scan).resolves.toBeDefined();
    expect(await versionRow('alive')).toMatchObject({ scanned_at: expect.any(Date), scan_heartbeat_at: null, scan_attempts: 0 });
    expect((await scanView(base)).status).toBe('clean');
  });

  it('queues again a scan whose worker died (stale heartbeat), once however many workers sweep, and a worker finishes it', async () => {
    const base = await upload('orphan', { 'model.safetensors': weights('orphan') });
    await scanned(base);
    const { id } = await versionRow('orphan');
    const jobsBefore = (await scanJobs(id)).length;
    await dieMidScan(id, 1);
    expect((await scanView(base)).status).toBe('pending');

    const recovery = worker.get(ScanRecovery);
    await Promise.all([recovery.sweep(), recovery.sweep()]);
    expect(await scanJobs(id)).toHaveLength(jobsBefore + 1);
    await expect.poll(async () => (await scanView(base)).status, { timeout: 20_000 }).toBe('clean');
    expect(await versionRow('orphan')).toMatchObject({ scan_heartbeat_at: null, scan_attempts: 0 });
  });

  it('sweeps on its own timer', async () => {
    const base = await upload('timer', { 'model.safetensors': weights('timer') });
    await scanned(base);
    const { id } = await versionRow('timer');
    await dieMidScan(id, 2);
    const recovery = new ScanRecovery(new ScanRepository(db), new Transactions(db), queue, { ...DEFAULT_LIVENESS, sweepMs: 50 });
    recovery.onApplicationBootstrap();
    try {
      await expect.poll(async () => (await scanView(base)).status, { timeout: 20_000 }).toBe('clean');
    } finally {
      recovery.onApplicationShutdown();
    }
  });

  it('ends the scan as error after its worker died three times', async () => {
    const base = await upload('cursed', { 'model.safetensors': weights('cursed'), 'config.json': Buffer.from('{}') });
    await scanned(base);
    const { id } = await versionRow('cursed');
    const jobsBefore = (await scanJobs(id)).length;
    await dieMidScan(id, 3);

    await worker.get(ScanRecovery).sweep();
    const view = await scanView(base);
    expect(view).toMatchObject({ status: 'error', scannedAt: expect.any(String), counts: { error: 2, pending: 0 } });
    expect(view.files[0].findings).toEqual([
      {
        severity: 'critical',
        code: 'scan_worker_stopped',
        message: expect.stringMatching(/^The worker scanning this version stopped 3 times before finishing/),
      },
    ]);
    expect(await scanJobs(id)).toHaveLength(jobsBefore);
    const [event] = await api.sql<{ data: { error: { code: string } } }>(
      `SELECT data FROM audit_events WHERE action = 'version.scanned' AND subject_id = 'recovery/cursed@1' ORDER BY id DESC LIMIT 1`,
    );
    expect(event!.data.error.code).toBe('scan_worker_stopped');
  });
});

describe('automatic benchmarks', () => {
  it('skip main ONNX files whose scan found them critical or could not finish', () => {
    const file = (path: string, status: FileScanStatus): FileScan => ({
      path,
      inspector: 'onnx',
      sniffed: 'binary',
      status,
      facts: {},
      findings: [],
    });
    const result = {
      files: [file('a.onnx', 'clean'), file('b.onnx', 'critical'), file('c.onnx', 'error'), file('d.onnx', 'warning')],
      facts: { formats: ['onnx'], onnx: [], gguf: [], remoteCode: false, benchmarkFiles: [] },
      benchmarkCandidates: ['a.onnx', 'b.onnx', 'c.onnx', 'd.onnx'],
    } satisfies VersionScan;
    expect(autoBenchmarkFiles(result)).toEqual(['a.onnx', 'd.onnx']);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LoggerService } from '@nestjs/common';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@vetted/db';
import { mountSmallDisk, type SmallDisk } from '../../../libs/storage/test/small-disk.js';
import { createTestDatabase } from '../../../test/database.js';
import { startS3Server, TEST_BUCKET, type TestS3Server } from '../../../test/s3-server.js';
import { isDatabaseOutage } from '../src/http/database-outage.js';
import { ADMIN_TOKEN, ApiHarness } from './api-harness.js';

/**
 * A loopback TCP relay in front of the test's PostgreSQL. `stop` closes it and cuts every connection,
 * which is what the API sees when its database goes down (refused connects, sockets closed under it);
 * `start` brings it back on the same port.
 */
class DatabaseLink {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private port = 0;

  constructor(private readonly target: URL) {}

  get url(): string {
    const url = new URL(this.target);
    url.port = String(this.port);
    return url.toString();
  }

  async start(): Promise<void> {
    if (this.server?.listening) return;
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(this.target.port), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          this.sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

/** Collects what the API logs, to check that an operator hears about a fault the client only sees as a status. */
function logSink(lines: string[]): LoggerService {
  const keep = (message: unknown) => void lines.push(String(message));
  return { log: keep, warn: keep, error: keep };
}

/** What PostgreSQL does to its sessions when it shuts down: ends them with 57P01 (admin_shutdown). */
async function terminateOnceRunning(databaseUrl: string, query: string): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const running = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1 AND state = 'active'`;
    await expect.poll(async () => (await admin.query(running, [query])).rowCount).toBe(1);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM (${running}) AS session`, [query]);
  } finally {
    await admin.end();
  }
}

describe('the database goes down', () => {
  let link: DatabaseLink;
  let api: ApiHarness;
  beforeAll(async () => {
    link = new DatabaseLink(new URL(await createTestDatabase()));
    await link.start();
    api = await ApiHarness.start({ databaseUrl: link.url });
  });
  afterAll(async () => {
    await link?.start();
    await api?.close();
    await link?.stop();
  });

  it('answers 503 database_unavailable with Retry-After while it is down, and serves again once it is back', async () => {
    const viewer = await api.keyFor('viewer');
    expect((await api.request('GET', '/v1/models', { key: viewer })).status).toBe(200);
    await link.stop();
    for (const [method, url, key, body] of [
      ['GET', '/v1/models', ADMIN_TOKEN, undefined],
      ['GET', '/v1/models/acme/tiny', ADMIN_TOKEN, undefined],
      ['GET', '/v1/keys', ADMIN_TOKEN, undefined],
      ['POST', '/v1/models', ADMIN_TOKEN, { namespace: 'acme', name: 'tiny' }],
      ['GET', '/v1/licenses', viewer, undefined], // the key itself cannot be looked up
    ] as const) {
      const reply = await api.request(method, url, { key, ...(body ? { body } : {}) });
      expect({ url, status: reply.status, code: reply.body?.code }).toEqual({ url, status: 503, code: 'database_unavailable' });
      expect(reply.headers['retry-after']).toBe('5');
      expect(reply.text).not.toContain('127.0.0.1');
    }
    const hub = await api.request('GET', '/hf/api/models/acme/tiny', { key: ADMIN_TOKEN });
    expect(hub.status).toBe(503);
    expect(hub.headers['retry-after']).toBe('5');
    const health = await api.request('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.headers['retry-after']).toBe('5');
    expect(health.body).toMatchObject({ code: 'database_unavailable', database: 'unavailable', storage: 'ok' });

    await link.start();
    expect((await api.request('GET', '/v1/models', { key: ADMIN_TOKEN })).status).toBe(200);
    expect((await api.request('GET', '/health')).body).toEqual({ status: 'ok', database: 'ok', storage: 'ok' });
  });
});

describe('isDatabaseOutage, on the errors a real outage raises', () => {
  let databaseUrl: string;
  let link: DatabaseLink;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    link = new DatabaseLink(new URL(databaseUrl));
    await link.start();
  });
  afterAll(() => link?.stop());

  async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
    return work().then(
      () => expect.fail('the database answered'),
      (error: unknown) => error,
    );
  }

  it('recognises refused connects, connections cut mid-use and admin shutdowns', async () => {
    const db = createPrismaClient(link.url, 1);
    try {
      await db.license.findFirst();
      await link.stop();
      const cut = await failureOf(() => db.license.findFirst()); // the pooled connection died under it
      const refused = await failureOf(() => db.license.findFirst());
      const refusedRaw = await failureOf(() => db.$queryRaw`SELECT 1`);
      const refusedTransaction = await failureOf(() => db.$transaction((tx) => tx.license.findFirst()));
      await link.start();
      const sleeping = failureOf(() => db.$queryRawUnsafe('SELECT pg_sleep(30)'));
      await terminateOnceRunning(databaseUrl, 'SELECT pg_sleep(30)');
      const shutdown = await sleeping;
      for (const error of [cut, refused, refusedRaw, refusedTransaction, shutdown]) {
        expect({ error: String(error), outage: isDatabaseOutage(error) }).toEqual({ error: String(error), outage: true });
      }
    } finally {
      await db.$disconnect();
    }
  });

  it('recognises a transaction that could not start in time (P2028)', async () => {
    const db = createPrismaClient(link.url, 1);
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding!: Promise<void>;
      // A transaction that holds the pool's one connection until released.
      await new Promise<void>((taken) => {
        holding = db.$transaction(
          async () => {
            taken();
            await released;
          },
          { timeout: 60_000 },
        );
      });
      const starved = await failureOf(() => db.$transaction((tx) => tx.license.findFirst(), { maxWait: 50 }));
      release();
      await holding;
      expect(String(starved)).toContain('Unable to start a transaction');
      expect(isDatabaseOutage(starved)).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  it('does not take a query error for an outage', async () => {
    const db = createPrismaClient(databaseUrl, 1);
    try {
      const unique = await failureOf(() => db.license.create({ data: { id: 'mit', spdxId: 'MIT', name: 'MIT', url: 'x', terms: {} } }));
      const syntax = await failureOf(() => db.$queryRawUnsafe('SELEC 1'));
      expect([isDatabaseOutage(unique), isDatabaseOutage(syntax), isDatabaseOutage(new Error('boom'))]).toEqual([false, false, false]);
    } finally {
      await db.$disconnect();
    }
  });
});

describe('the disk is full', () => {
  let disk: SmallDisk | undefined;
  let api: ApiHarness;
  const logged: string[] = [];
  beforeAll(async () => {
    disk = await mountSmallDisk(1024 * 1024);
    api = await ApiHarness.start({ storage: { kind: 'disk', root: path.join(disk.dir, 'blobs') } });
    api.app.useLogger(logSink(logged));
  });
  afterAll(async () => {
    await api?.close();
    await disk?.unmount();
  });

  it('answers an upload 507 insufficient_storage and logs it (a 1 MiB tmpfs; needs root to mount)', async () => {
    expect((await api.request('POST', '/v1/models', { key: ADMIN_TOKEN, body: { namespace: 'acme', name: 'big' } })).status).toBe(201);
    expect((await api.request('POST', '/v1/models/acme/big/versions', { key: ADMIN_TOKEN, body: { version: '1' } })).status).toBe(201);
    const reply = await api.request('PUT', '/v1/models/acme/big/versions/1/files/model.safetensors', {
      key: ADMIN_TOKEN,
      rawBody: randomBytes(2 * 1024 * 1024),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(reply.status).toBe(507);
    expect(reply.body).toMatchObject({ code: 'insufficient_storage', title: 'Insufficient Storage' });
    expect(logged.find((line) => line.includes('full'))).toContain('ENOSPC');
    expect((await api.request('GET', '/v1/models/acme/big/versions/1/files', { key: ADMIN_TOKEN })).body.items).toEqual([]);
  });
});

describe('the S3 store goes down', () => {
  let s3: TestS3Server;
  let api: ApiHarness;
  beforeAll(async () => {
    s3 = await startS3Server();
    api = await ApiHarness.start({
      storage: {
        kind: 's3',
        bucket: TEST_BUCKET,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      },
    });
  });
  afterAll(async () => {
    await api?.close();
    await s3?.dispose();
  });

  it('answers the integrity check and /health 503 storage_unavailable with Retry-After, until it is back', async () => {
    expect((await api.request('GET', '/v1/admin/blobs/verify', { key: ADMIN_TOKEN })).status).toBe(200);
    await s3.stop();
    try {
      const verify = await api.request('GET', '/v1/admin/blobs/verify', { key: ADMIN_TOKEN });
      expect(verify.status).toBe(503);
      expect(verify.body.code).toBe('storage_unavailable');
      expect(verify.headers['retry-after']).toBe('5');
      const health = await api.request('GET', '/health');
      expect(health.status).toBe(503);
      expect(health.headers['retry-after']).toBe('5');
      expect(health.body).toMatchObject({ code: 'storage_unavailable', database: 'ok', storage: 'unavailable' });
      expect(health.text).not.toContain(s3.endpoint);
    } finally {
      await s3.restart();
    }
    expect((await api.request('GET', '/health')).status).toBe(200);
  });
});

describe('an upload left behind by a killed API', () => {
  it('is removed when the API starts; a recent temp file (another replica’s live upload) is kept', async () => {
    const root = path.join(await mkdtemp(path.join(tmpdir(), 'vetted-sweep-')), 'blobs');
    await mkdir(path.join(root, 'tmp'), { recursive: true });
    const stale = path.join(root, 'tmp', randomUUID());
    await writeFile(stale, randomBytes(29 * 1000));
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    const live = path.join(root, 'tmp', randomUUID());
    await writeFile(live, 'still being written');

    const api = await ApiHarness.start({ storage: { kind: 'disk', root } });
    try {
      await expect.poll(() => existsSync(stale)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      await api.close();
    }
  });

  it('is reported by the integrity check until then', async () => {
    const api = await ApiHarness.start();
    try {
      const root = (api.config.storage as { root: string }).root;
      const stale = path.join(root, 'tmp', randomUUID());
      await mkdir(path.dirname(stale), { recursive: true });
      await writeFile(stale, randomBytes(1234));
      const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
      await utimes(stale, twoHoursAgo, twoHoursAgo);
      const report = await api.request('GET', '/v1/admin/blobs/verify', { key: ADMIN_TOKEN });
      expect(report.body.staleUploads).toEqual({ count: 1, bytes: 1234 });
    } finally {
      await api.close();
    }
  });
});

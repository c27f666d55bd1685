import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, ApiHarness } from './api-harness.js';

const POOL_SIZE = 10; // the API's pool (createDatabasePool's default)

/** Sends a GET on a raw socket and hangs up once the server has taken the request in and seen the client go. */
async function getAndHangUp(server: Server, port: number, path: string): Promise<void> {
  const seen = new Promise<void>((resolve) => {
    const onRequest = (request: IncomingMessage, response: ServerResponse) => {
      if (request.url !== path) return;
      server.off('request', onRequest);
      response.once('close', () => resolve());
      socket.destroy();
    };
    server.on('request', onRequest);
  });
  const socket = net.connect(port, '127.0.0.1', () => {
    socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\n\r\n`);
  });
  socket.on('error', () => undefined);
  await seen;
}

describe('reads whose client hung up', () => {
  let api: ApiHarness;
  let base: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    base = await api.listen();
  });
  afterAll(() => api?.close());

  it('are dropped while they wait for a database connection, leaving it to the live requests', async () => {
    const lockLicenses = new pg.Client({ connectionString: api.databaseUrl });
    const lockModels = new pg.Client({ connectionString: api.databaseUrl });
    await Promise.all([lockLicenses.connect(), lockModels.connect()]);
    try {
      await lockLicenses.query('BEGIN; LOCK TABLE licenses IN ACCESS EXCLUSIVE MODE');
      await lockModels.query('BEGIN; LOCK TABLE models IN ACCESS EXCLUSIVE MODE');
      // Every pooled connection waits on the licenses lock, for requests whose clients stay.
      const live = Array.from({ length: POOL_SIZE }, () =>
        fetch(`${base}/v1/licenses`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }),
      );
      // Queries blocked by one of the locks, whether Prisma wrote them (FROM "public"."licenses") or the catalog did (FROM models m).
      const waitingOn = async (table: string) =>
        (
          await api.sql<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ~* ('from ("public"\\.)?"?' || $1 || '"?\\s')`,
            [table],
          )
        )[0]!.n;
      await expect.poll(() => waitingOn('licenses'), { timeout: 10_000 }).toBe(POOL_SIZE);

      // This catalog read queues for a connection; its client hangs up meanwhile.
      const { port } = new URL(base);
      await getAndHangUp(api.app.getHttpServer(), Number(port), '/v1/models?limit=5');

      await lockLicenses.query('COMMIT');
      expect((await Promise.all(live)).map((response) => response.status)).toEqual(Array(POOL_SIZE).fill(200));
      // Run, it would now be waiting on the models lock with one of the connections the live requests gave back.
      expect(await waitingOn('models')).toBe(0);
      await lockModels.query('COMMIT');
      expect((await api.request('GET', '/v1/models?limit=5', { key: ADMIN_TOKEN })).status).toBe(200);
    } finally {
      await Promise.all([lockLicenses.end(), lockModels.end()]);
    }
  });

  it('still record a download the client broke off', async () => {
    const model = '/v1/models/gone/weights';
    expect((await api.request('POST', '/v1/models', { key: ADMIN_TOKEN, body: { namespace: 'gone', name: 'weights' } })).status).toBe(201);
    expect((await api.request('POST', `${model}/versions`, { key: ADMIN_TOKEN, body: { version: '1' } })).status).toBe(201);
    const path = `${model}/versions/1/files/big.bin`;
    const upload = await api.request('PUT', path, {
      key: ADMIN_TOKEN,
      rawBody: randomBytes(16 * 1024 * 1024),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(upload.status).toBe(201);

    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(new URL(base).port), '127.0.0.1', () => {
        socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\n\r\n`);
      });
      socket.once('data', () => socket.destroy());
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    await expect
      .poll(
        () =>
          api.sql(
            `SELECT data->>'complete' AS complete FROM audit_events WHERE action = 'file.downloaded' AND subject_id LIKE '%/big.bin'`,
          ),
        {
          timeout: 10_000,
        },
      )
      .toEqual([{ complete: 'false' }]);
  });

  it('still record the use of their key', async () => {
    const key = await api.keyFor('viewer');
    const lock = new pg.Client({ connectionString: api.databaseUrl });
    await lock.connect();
    const socket = new net.Socket();
    try {
      // The key's lookup (its last statement reads the key's owner) holds its connection, blocked, while the
      // client goes; the use is recorded after that, with a connection taken after the client went.
      await lock.query('BEGIN; LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
      const closed = new Promise<void>((resolve) => {
        const server = api.app.getHttpServer();
        const onRequest = (request: IncomingMessage, response: ServerResponse) => {
          if (request.url !== '/v1/licenses') return;
          server.off('request', onRequest);
          response.once('close', () => resolve());
        };
        server.on('request', onRequest);
      });
      socket.on('error', () => undefined);
      socket.connect(Number(new URL(base).port), '127.0.0.1', () => {
        socket.write(`GET /v1/licenses HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\n\r\n`);
      });
      const lookupsWaiting = async () =>
        (
          await api.sql<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ~* '"public"\\."users"'`,
          )
        )[0]!.n;
      await expect.poll(lookupsWaiting, { timeout: 10_000 }).toBe(1);
      socket.destroy();
      await closed;
      await lock.query('COMMIT');
      await expect
        .poll(async () => (await api.sql(`SELECT last_used_at IS NOT NULL AS used FROM api_keys WHERE name = 'viewer key'`))[0], {
          timeout: 10_000,
        })
        .toEqual({ used: true });
    } finally {
      socket.destroy();
      await lock.end();
    }
  });
});

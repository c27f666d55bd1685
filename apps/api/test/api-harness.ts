import { expect } from 'vitest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Config, loadConfig } from '@vetted/config';
import type { Role } from '@vetted/domain';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPrismaClient } from '@vetted/db';
import type { VersionScan } from '@vetted/formats';
import { JobQueue } from '@vetted/queue';
import { type BlobStore, createBlobStore } from '@vetted/storage';
import { Transactions } from '../../worker/src/infra/transactions.js';
import { ScanRepository } from '../../worker/src/scans/scan.repository.js';
import { VersionScanner } from '../../worker/src/scans/version-scanner.js';
import { createApiApp } from '../src/app.js';
import { createTestDatabase } from '../../../test/database.js';

export const ADMIN_TOKEN = `hf_test_admin_${'x'.repeat(32)}`;

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests assert on arbitrary JSON
  text: string;
  raw: Buffer;
}

export interface RequestOptions {
  key?: string | undefined;
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

/** The real API (Nest + Fastify) on a fresh copy of the migrated database, driven with inject(). */
export class ApiHarness {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly databaseUrl: string,
    /** `METHOD /path` of every route Nest registered with Fastify. */
    readonly routes: string[],
    readonly config: Config,
  ) {}

  static async start(overrides: Partial<Config> = {}): Promise<ApiHarness> {
    const databaseUrl = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vetted-api-'));
    const config: Config = {
      ...loadConfig({}),
      dataDir,
      storage: { kind: 'disk', root: path.join(dataDir, 'blobs') },
      databaseUrl,
      adminToken: ADMIN_TOKEN,
      logLevel: 'error',
      ...overrides,
    };
    const app = await createApiApp(config);
    const routes: string[] = [];
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push(`${method} ${route.url}`);
    });
    await app.init();
    await fastify.ready();
    return new ApiHarness(app, databaseUrl, routes, config);
  }

  async request(method: 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    let payload: string | Buffer | undefined = options.rawBody;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    if (options.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    const response = await this.app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
    let body: unknown;
    try {
      body = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.statusCode, headers: response.headers, body, text: response.body, raw: response.rawPayload };
  }

  /** A new API key with this role, created through the API by the admin token. */
  async keyFor(role: Role, name = `${role} key`): Promise<string> {
    const reply = await this.request('POST', '/v1/keys', { key: ADMIN_TOKEN, body: { name, role } });
    if (reply.status !== 201) throw new Error(`could not create key: ${reply.text}`);
    return reply.body.key as string;
  }

  /**
   * A new version of namespace/name (the model is created with `license` if it does not exist) with these
   * files, submitted by `key`: the worker, where one runs, scans it next. Returns the version's path.
   */
  async submitVersion(
    key: string,
    ref: { namespace: string; name: string; version: string },
    files: Record<string, Buffer>,
    license = 'mit',
  ): Promise<string> {
    const model = `/v1/models/${ref.namespace}/${ref.name}`;
    if ((await this.request('GET', model, { key })).status === 404) {
      await this.request('POST', '/v1/models', { key, body: { namespace: ref.namespace, name: ref.name, license } });
    }
    const base = `${model}/versions/${ref.version}`;
    await expectStatus(this.request('POST', `${model}/versions`, { key, body: { version: ref.version } }), 201);
    for (const [path, bytes] of Object.entries(files)) {
      await expectStatus(
        this.request('PUT', `${base}/files/${path}`, { key, rawBody: bytes, headers: { 'content-type': 'application/octet-stream' } }),
        201,
      );
    }
    await expectStatus(this.request('POST', `${base}/submit`, { key }), 201);
    return base;
  }

  /** A benchmark run once it has finished (succeeded, failed or cancelled). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on arbitrary JSON
  async settledRun(key: string, id: string): Promise<Record<string, any>> {
    await expect
      .poll(async () => (await this.request('GET', `/v1/benchmarks/${id}`, { key })).body.status, {
        timeout: 300_000, // a ceiling for a machine loaded many times over, not an expectation
        interval: 200,
      })
      .toMatch(/^(succeeded|failed|cancelled)$/);
    return (await this.request('GET', `/v1/benchmarks/${id}`, { key })).body;
  }

  /** Direct SQL, for setting up states a later issue's API will produce (e.g. an approved version). */
  async sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  /**
   * Runs the worker's real scanner on a version in this process (the API tests run no worker): what the
   * `version.scan` job the submit queued would do. Automatic benchmarks are not queued from here.
   */
  async scan(
    namespace: string,
    name: string,
    version: string,
    store: BlobStore = createBlobStore(this.config.storage),
  ): Promise<VersionScan> {
    const [row] = await this.sql<{ id: string }>(
      `SELECT v.id FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.namespace = $1 AND m.name = $2 AND v.label = $3`,
      [namespace, name, version],
    );
    if (!row) throw new Error(`no version ${namespace}/${name}@${version}`);
    const db = createPrismaClient(this.databaseUrl, 1);
    const queue = new JobQueue({ databaseUrl: this.databaseUrl, supervise: false, applicationName: 'test-scan' });
    try {
      const config = { ...this.config, benchmarks: { ...this.config.benchmarks, auto: false } };
      const result = await new VersionScanner(config, store, new ScanRepository(db), new Transactions(db), queue).scan(row.id);
      if (!result) throw new Error(`version ${version} was not scanned (not scannable, or a newer scan was requested)`);
      return result;
    } finally {
      await db.$disconnect();
    }
  }

  /** Listen on a loopback port, for tests that need a real socket (disconnects, raw HTTP). */
  async listen(): Promise<string> {
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    const address = this.app.getHttpServer().address() as { port: number };
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    this.app.getHttpServer().closeAllConnections();
    await this.app.close();
  }
}

async function expectStatus(reply: Promise<Reply>, status: number): Promise<void> {
  const { status: actual, text } = await reply;
  if (actual !== status) throw new Error(`expected ${status}, got ${actual}: ${text}`);
}

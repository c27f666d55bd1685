import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/free-port.js';
import { VettedProcess } from './vetted-process.js';

const isListening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.destroy() && true));
    socket.once('error', () => resolve(false));
  });

/**
 * Black-box: `vetted start` on embedded defaults, as a new user runs it, driven over HTTP only.
 * Runs in one sequence because each step builds on the previous one (restart keeps data).
 */
// Generous ceilings: a first start on a loaded 2-core machine (load 15) took over 20 s.
describe('vetted start on a fresh machine', { timeout: 180_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  let baseUrl: string;
  let vetted: VettedProcess | undefined;
  let adminKey: string;
  const keys: Record<string, string> = {};

  const call = async (method: string, url: string, key?: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'vetted-e2e-'));
    const port = await freePort();
    env = {
      VETTED_DATA_DIR: dataDir,
      PORT: String(port),
      VETTED_EMBEDDED_PG_PORT: String(await freePort()),
      DATABASE_URL: '',
      VETTED_ADMIN_TOKEN: '',
    };
    baseUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await vetted?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts the embedded database, API and worker, and says where the admin key is', async () => {
    vetted = VettedProcess.run('start', env);
    await vetted.waitUntilHealthy(baseUrl, 170_000);
    const keyFile = path.join(dataDir, 'admin-key');
    expect(vetted.log).toContain(`admin key created: read it from ${keyFile}`);
    expect(vetted.log).toContain(`http://localhost:${env.PORT}`);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    adminKey = (await readFile(keyFile, 'utf8')).trim();
    expect(adminKey).toMatch(/^hf_/);
    expect(vetted.log).not.toContain(adminKey);
  });

  it('serves the API docs without a key and nothing else', async () => {
    expect((await fetch(`${baseUrl}/docs`)).status).toBe(200);
    const spec = await call('GET', '/openapi.json');
    expect(spec.body.info.title).toBe('Vetted');
    const denied = await call('GET', '/v1/models');
    expect(denied.status).toBe(401);
    expect(denied.type).toContain('application/problem+json');
  });

  it('lets the admin create keys, a publisher create a model and a version', async () => {
    for (const role of ['publisher', 'viewer'] as const) {
      const created = await call('POST', '/v1/keys', adminKey, { name: `e2e ${role}`, role });
      expect(created.status).toBe(201);
      keys[role] = created.body.key;
    }
    const model = await call('POST', '/v1/models', keys.publisher, {
      namespace: 'e2e',
      name: 'tiny-onnx',
      description: 'A tiny test model',
      tags: ['onnx'],
      license: 'apache-2.0',
      task: 'text-classification',
    });
    expect(model.status).toBe(201);
    expect(model.body.id).toBe('e2e/tiny-onnx');
    const version = await call('POST', '/v1/models/e2e/tiny-onnx/versions', keys.publisher, { version: '1.0' });
    expect(version.status).toBe(201);
    expect(version.body.status).toBe('draft');
  });

  it('stores weight files on the embedded disk store and serves them back after submit', async () => {
    const body = Buffer.from('{"architectures": ["BertModel"]}');
    const upload = await fetch(`${baseUrl}/v1/models/e2e/tiny-onnx/versions/1.0/files/config.json`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${keys.publisher}`, 'content-type': 'application/octet-stream' },
      body,
    });
    expect(upload.status).toBe(201);
    const submitted = await call('POST', '/v1/models/e2e/tiny-onnx/versions/1.0/submit', keys.publisher);
    expect(submitted.body.commitSha).toMatch(/^[0-9a-f]{40}$/);
    const download = await fetch(`${baseUrl}/v1/models/e2e/tiny-onnx/versions/1.0/files/config.json`, {
      headers: { authorization: `Bearer ${keys.publisher}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(body)).toBe(true);
    expect((await readdir(path.join(dataDir, 'blobs', 'sha256'))).length).toBe(1);
  });

  it('answers bad requests with the right problem', async () => {
    expect((await call('POST', '/v1/models', keys.viewer, { namespace: 'e2e', name: 'nope' })).status).toBe(403);
    expect((await call('POST', '/v1/models', keys.publisher, { namespace: 'e2e', name: 'tiny-onnx' })).status).toBe(409);
    expect((await call('POST', '/v1/models', keys.publisher, { namespace: 'e2e', name: 'bad--name' })).body.errors[0].field).toBe('name');
    expect((await call('GET', '/v1/models/e2e/missing', keys.publisher)).status).toBe(404);
    expect((await call('GET', '/v1/models', 'hf_not_a_key')).status).toBe(401);
  });

  it('searches and paginates', async () => {
    for (const name of ['alpha', 'beta', 'gamma']) {
      expect((await call('POST', '/v1/models', keys.publisher, { namespace: 'e2e', name: `paged-${name}` })).status).toBe(201);
    }
    expect((await call('GET', '/v1/models?q=tiny', keys.publisher)).body.items.map((m: { id: string }) => m.id)).toEqual(['e2e/tiny-onnx']);
    const first = await call('GET', '/v1/models?limit=2', keys.publisher);
    const second = await call('GET', `/v1/models?limit=2&cursor=${first.body.nextCursor}`, keys.publisher);
    expect([...first.body.items, ...second.body.items].map((m: { name: string }) => m.name)).toEqual([
      'paged-gamma',
      'paged-beta',
      'paged-alpha',
      'tiny-onnx',
    ]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('runs the worker: the model.created job lands in the audit trail', async () => {
    await expect
      .poll(async () => (await call('GET', '/v1/audit?action=model.received&subjectId=e2e/tiny-onnx', adminKey)).body.items.length, {
        timeout: 15_000,
        interval: 250,
      })
      .toBe(1);
  });

  it('stops cleanly on SIGTERM and keeps everything across a restart', async () => {
    expect(await vetted!.stop()).toBe(0);
    await expect(fetch(`${baseUrl}/health`)).rejects.toThrow();
    expect(await isListening(Number(env.VETTED_EMBEDDED_PG_PORT))).toBe(false);

    vetted = VettedProcess.run('start', env);
    await vetted.waitUntilHealthy(baseUrl, 170_000);
    expect(vetted.log).not.toContain('admin key created');
    expect(vetted.log).toContain('database schema up to date');
    const model = await call('GET', '/v1/models/e2e/tiny-onnx', keys.publisher);
    expect(model.status).toBe(200);
    expect(model.body.description).toBe('A tiny test model');
    expect((await call('GET', '/v1/models/e2e/tiny-onnx/versions/1.0', keys.publisher)).body.status).toBe('pending_review');
    const files = await call('GET', '/v1/models/e2e/tiny-onnx/versions/1.0/files', keys.publisher);
    expect(files.body.items.map((f: { path: string }) => f.path)).toEqual(['config.json']);
    expect((await call('GET', '/v1/whoami', adminKey)).body.role).toBe('admin');
  });

  it('refuses invalid configuration, naming the variable, before starting anything', async () => {
    const bad = VettedProcess.run('start', { ...env, PORT: 'eighty', VETTED_DATA_DIR: path.join(dataDir, 'never') });
    expect(await bad.exit()).toBe(1);
    expect(bad.log).toContain('Invalid configuration: PORT:');
    expect(bad.log).not.toMatch(/\n\s+at /);
    await expect(stat(path.join(dataDir, 'never'))).rejects.toThrow();
  });
});

import Fastify, { type FastifyInstance } from 'fastify';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebApp } from '../apps/api/src/web/web-app.js';

/** A Fastify app shaped like the API: one API route and a problem+json 404 for the rest. */
async function appServing(root: string): Promise<FastifyInstance> {
  const app = Fastify();
  await serveWebApp(app, root);
  app.get('/v1/models', () => ({ items: [] }));
  app.setNotFoundHandler((_request, reply) => reply.code(404).type('application/problem+json').send({ code: 'not_found' }));
  await app.ready();
  return app;
}

const COMPRESS = fileURLToPath(new URL('../apps/web/scripts/compress-assets.mjs', import.meta.url));
/** A script the size of a real bundle's module: compressible as JavaScript is. */
const SCRIPT = Array.from({ length: 400 }, (_, index) => `export const value${index} = () => document.title + ${index};`).join('\n');

describe('serving the built web app at /', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vetted-web-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Vetted</title><div id="root"></div>');
    await writeFile(path.join(dir, 'assets', 'index-AbC123.js'), SCRIPT);
    await writeFile(path.join(dir, 'assets', 'uncompressed-XyZ789.js'), 'console.log(2)');
    await writeFile(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    // What `npm run build:web` does after `vite build`; the second asset is added after it, as if it had not run.
    await promisify(execFile)(process.execPath, [COMPRESS, dir]);
    await rm(path.join(dir, 'assets', 'uncompressed-XyZ789.js.br'));
    await rm(path.join(dir, 'assets', 'uncompressed-XyZ789.js.gz'));
    app = await appServing(dir);
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for deep links, revalidated on each visit, under a strict CSP', async () => {
    for (const url of ['/', '/models/acme/tiny-bert?version=1.0&tab=files', '/imports/123']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).not.toMatch(/https?:/);
    }
  });

  it('caches hashed assets for good and revalidates other files', async () => {
    const asset = await app.inject({ url: '/assets/index-AbC123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await app.inject({ url: '/favicon.svg' });
    expect(icon.headers['content-type']).toContain('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('public, max-age=0');
  });

  it('sends the files the build compressed with brotli or gzip, as the browser accepts, varying on Accept-Encoding', async () => {
    const br = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 5);

    const gzip = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT);
    expect(gzip.rawPayload.length).toBeLessThan(SCRIPT.length / 4);

    const plain = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');
    expect(plain.body).toBe(SCRIPT);

    const page = await app.inject({ url: '/models/acme/tiny-bert', headers: { 'accept-encoding': 'br' } });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(brotliDecompressSync(page.rawPayload).toString()).toContain('<div id="root">');
  });

  it('sends a file the build did not compress as it is, and never a compressed copy as a file of its own', async () => {
    const asset = await app.inject({ url: '/assets/uncompressed-XyZ789.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect([asset.statusCode, asset.headers['content-encoding'], asset.body]).toEqual([200, undefined, 'console.log(2)']);
    const copy = await app.inject({ url: '/favicon.svg.br' });
    expect(copy.headers['content-type']).toContain('text/html');
  });

  it('leaves API paths to the API, unknown ones included', async () => {
    expect((await app.inject({ url: '/v1/models' })).json()).toEqual({ items: [] });
    for (const url of ['/v1/nothing-here', '/hf/api/models/x/y/unknown', '/health/deep', '/openapi.json']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
    }
  });

  it('answers a malformed path with 400, not a crash', async () => {
    expect((await app.inject({ url: '/%E0' })).statusCode).toBe(400);
  });

  it('does not serve a missing asset or anything outside its folder', async () => {
    expect((await app.inject({ url: '/assets/missing-123.js' })).statusCode).toBe(404);
    const escape = await app.inject({ url: '/assets/..%2f..%2fetc%2fpasswd' });
    expect(escape.statusCode).toBeGreaterThanOrEqual(400);
    expect(escape.body).not.toContain('root:');
  });

  it('says the web app was not built when its folder is missing, and keeps the API', async () => {
    const bare = await appServing(path.join(dir, 'no-such-dist'));
    try {
      const page = await bare.inject({ url: '/models/acme/tiny-bert' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/plain');
      expect(page.body).toContain('web app was not built');
      expect(page.body).toContain('npm run build');
      expect((await bare.inject({ url: '/v1/nothing' })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

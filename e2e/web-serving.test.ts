import Fastify, { type FastifyInstance } from 'fastify';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

describe('serving the built web app at /', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vetted-web-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Vetted</title><div id="root"></div>');
    await writeFile(path.join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
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

import { type Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LICENSE_CATALOG } from '@vetted/licenses';
import { createBlobStore } from '@vetted/storage';
import { toProblem } from '../src/http/problem.filter.js';
import { HealthController } from '../src/health/health.controller.js';
import { HealthRepository } from '../src/health/health.repository.js';
import type { PrismaService } from '../src/infra/prisma.service.js';
import { ADMIN_TOKEN, ApiHarness } from './api-harness.js';

/** Routes anyone may call: the health check and the browser's sign-in and sign-out. */
const PUBLIC_PATHS = ['/health', '/v1/auth/session', '/v1/auth/sign-out', '/v1/auth/oidc/sign-in', '/v1/auth/oidc/callback'];

let api: ApiHarness;
let viewer: string;
beforeAll(async () => {
  api = await ApiHarness.start();
  viewer = await api.keyFor('viewer');
});
afterAll(() => api.close());

describe('errors', () => {
  it('answers malformed JSON with 400 malformed_json', async () => {
    const reply = await api.request('POST', '/v1/models', { key: ADMIN_TOKEN, rawBody: '{"namespace": "a", ' });
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ code: 'malformed_json', type: '/problems/malformed_json', errors: [{ field: 'body' }] });
  });

  it('answers a body over the limit with 413', async () => {
    const reply = await api.request('POST', '/v1/models', {
      key: ADMIN_TOKEN,
      rawBody: JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(reply.status).toBe(413);
    expect(reply.body.code).toBe('body_too_large');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const reply = await api.request('GET', '/v1/nothing', { key: ADMIN_TOKEN });
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ code: 'not_found', status: 404, title: 'Not Found' });
  });

  it('hides the details of unexpected errors from the client', () => {
    const logged: string[] = [];
    const logger = { error: (m: string) => logged.push(m) } as unknown as Logger;
    const request = { id: 'req-7', method: 'GET', url: '/x' } as FastifyRequest;
    const body = toProblem(new Error('connection to 10.0.0.5 refused at secret.ts:12'), request, logger);
    expect(body).toMatchObject({ status: 500, code: 'internal_error', requestId: 'req-7' });
    expect(JSON.stringify(body)).not.toMatch(/10\.0\.0\.5|secret\.ts/);
    expect(logged[0]).toContain('10.0.0.5');
  });
});

describe('health', () => {
  it('reports the database', async () => {
    const reply = await api.request('GET', '/health');
    expect(reply.body).toEqual({ status: 'ok', database: 'ok', storage: 'ok' });
  });

  it('answers 503 when the database does not', async () => {
    const broken = { $queryRaw: () => Promise.reject(new Error('ECONNREFUSED')) } as unknown as PrismaService;
    await expect(new HealthController(new HealthRepository(broken), createBlobStore(api.config.storage)).check()).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'database_unavailable',
    });
  });
});

describe('metrics', () => {
  it('exposes request counts and latency by route template, and process metrics', async () => {
    await api.request('GET', '/v1/models/acme/some-model', { key: viewer });
    const reply = await api.request('GET', '/metrics', { key: viewer });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('text/plain');
    expect(reply.text).toMatch(/http_requests_total\{method="GET",route="\/v1\/models\/:namespace\/:name",status_code="404"\} 1/);
    expect(reply.text).toMatch(/http_request_duration_seconds_bucket\{le="0.05",method="GET",route="\/v1\/models\/:namespace\/:name"\}/);
    expect(reply.text).toContain('process_resident_memory_bytes');
    expect(reply.text).not.toContain('acme/some-model');
  });
});

describe('licenses', () => {
  it('lists the seeded catalog by Hugging Face tag', async () => {
    const reply = await api.request('GET', '/v1/licenses', { key: viewer });
    expect(reply.status).toBe(200);
    const ids = reply.body.items.map((l: { id: string }) => l.id);
    expect(ids).toHaveLength(LICENSE_CATALOG.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'apache-2.0',
        'mit',
        'llama2',
        'llama3.1',
        'llama3.2',
        'gemma',
        'cc-by-4.0',
        'cc-by-nc-4.0',
        'openrail',
        'creativeml-openrail-m',
        'openrail++',
      ]),
    );
  });

  it('gets one license with its terms, 404 for an unknown id', async () => {
    const reply = await api.request('GET', '/v1/licenses/cc-by-nc-4.0', { key: viewer });
    expect(reply.body).toMatchObject({ id: 'cc-by-nc-4.0', spdxId: 'CC-BY-NC-4.0', terms: { commercialUse: 'no' } });
    expect((await api.request('GET', '/v1/licenses/llama3', { key: viewer })).body.terms.commercialUse).toBe('conditional');
    expect((await api.request('GET', '/v1/licenses/unknown', { key: viewer })).body.terms.commercialUse).toBe('unknown');
    const missing = await api.request('GET', '/v1/licenses/nope-9', { key: viewer });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('license_not_found');
  });
});

describe('OpenAPI', () => {
  it('documents every route the API serves, with its auth and error responses', async () => {
    const spec = (await api.request('GET', '/openapi.json')).body;
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(
      spec.paths as Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
        if (PUBLIC_PATHS.includes(path)) {
          expect({ path, method, security: operation.security }).toEqual({ path, method, security: undefined });
        } else {
          const callers = path.startsWith('/hf/') ? [{ bearer: [] }] : [{ bearer: [] }, { session: [] }];
          expect({ path, method, security: operation.security }).toEqual({ path, method, security: callers });
          // The Hub-compatible routes answer in the Hub's terms, which have no 403.
          expect(Object.keys(operation.responses)).toEqual(
            expect.arrayContaining(path.startsWith('/hf/') ? ['401', '404'] : ['401', '403']),
          );
        }
      }
    }
    // A file path is the rest of the URL (Fastify's `*`), documented as the {path} parameter.
    const served = api.routes
      // /hf/* answers the Hub's "repository not found" for everything the Hub has and Vetted does not.
      .filter(
        (route) => !route.startsWith('HEAD ') && !route.includes('/docs') && !route.endsWith('/openapi.json') && !/ \/hf\/\*$/.test(route),
      )
      .map((route) => route.replace(/\/\*$/, '/:path'));
    expect(served).toEqual(
      expect.arrayContaining(['GET /v1/models', 'POST /v1/keys', 'GET /v1/models/:namespace/:name/versions/:version']),
    );
    expect([...documented].sort()).toEqual(served.sort());
  });

  it('describes request bodies and query parameters from the validation schemas', async () => {
    const spec = (await api.request('GET', '/openapi.json')).body;
    const create = spec.paths['/v1/models'].post;
    const body = create.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['namespace', 'name']));
    expect(body.additionalProperties).toBe(false);
    const list = spec.paths['/v1/models'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual([
      'q',
      'license',
      'task',
      'tag',
      'format',
      'commercial',
      'minParameters',
      'maxParameters',
      'status',
      'sort',
      'cursor',
      'limit',
    ]);
    expect(list.responses['200'].content['application/json'].schema.properties.items.type).toBe('array');
  });
});

import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type Config, logLevelsFor } from '@vetted/config';
import type { Socket } from 'node:net';
import { AppModule } from './app.module.js';
import { watchForAbandonment } from './http/abandoned-requests.js';
import { problem } from './http/problem.js';
import { refuseNulInUrl } from './http/url-nul-guard.js';
import { MetricsService } from './metrics/metrics.service.js';
import { serveWebApp } from './web/web-app.js';

/** Bytes Node's HTTP parser cannot read as a request (e.g. a body longer than its Content-Length). */
function answerMalformedRequest(_error: Error, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(problem(400, 'malformed_request', 'The request could not be parsed as HTTP'));
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const HF_CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Range, Content-Type',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
  'Access-Control-Expose-Headers':
    'X-Repo-Commit, X-Error-Code, X-Error-Message, ETag, Link, Accept-Ranges, Content-Range, X-Linked-Size, X-Linked-ETag',
};

const FILE_ROUTE = /^\/v1\/models\/[^/]+\/[^/]+\/versions\/[^/]+\/files\//;

/** The configured API, not yet listening: `main.ts` listens, tests call `inject()`. */
export async function createApiApp(config: Config): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024, trustProxy: false, clientErrorHandler: answerMalformedRequest });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config), adapter, {
    logger: logLevelsFor(config.logLevel),
  });
  const fastify = app.getHttpAdapter().getInstance();
  // First, so that everything after it, handlers and their database queries included, runs in its scope.
  fastify.addHook('onRequest', watchForAbandonment);

  // File uploads are streamed to storage by the handler, whatever their declared type: no parser
  // may buffer them (JSON's would, and would cap them at the 1 MiB body limit).
  fastify.addContentTypeParser('application/octet-stream', (_request, _payload, done) => done(null));
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.method === 'PUT' && FILE_ROUTE.test(request.url)) request.headers['content-type'] = 'application/octet-stream';
    done();
  });

  // Hub clients in browsers read these headers; keys travel as bearer tokens, never cookies.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith('/hf/')) void reply.headers(HF_CORS_HEADERS);
    done();
  });

  fastify.addHook('onRequest', refuseNulInUrl);

  // Browser sessions of people signed in through the identity provider (apps/api/src/oidc).
  await fastify.register(fastifyCookie);

  await serveWebApp(fastify);

  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });

  // Built on the first request for it, not at start: most processes never serve it (bench/startup.mjs).
  const document = () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Vetted')
        .setDescription(
          'Self-hosted registry and catalog for open-weight AI models. Errors are application/problem+json (RFC 9457) with a stable `code`.',
        )
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (starts with hf_)' })
        .addCookieAuth(
          'vetted-session',
          {
            type: 'apiKey',
            in: 'cookie',
            description:
              'A browser session after OpenID Connect sign-in (`__Host-vetted-session` over HTTPS); POST, PUT, PATCH and DELETE also need the X-CSRF-Token header from GET /v1/auth/session',
          },
          'session',
        )
        .build(),
    );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
  return app;
}

import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `vite build` writes the web app (the same from `src/web` and `dist/web`). */
export const WEB_APP_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Paths the API answers; everything else that is a GET belongs to the web app. */
const API_PREFIXES = ['/v1', '/hf', '/docs', '/openapi.json', '/metrics', '/health'];

const isApiPath = (pathname: string): boolean => API_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

// The page renders model cards written by whoever published a model: even sanitised HTML gets no
// scripts, styles or connections other than this origin's. No external hosts: air-gapped sites.
const PAGE_HEADERS = {
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const NOT_BUILT = `The Vetted web app was not built, so there is no catalog page here.
Build it with \`npm run build\` (or \`npx vite build apps/web\`) and restart. The API works without it: see /docs.
`;

/**
 * Serves the single-page web app at `/`: hashed assets (`/assets/*`) cached for good, other files
 * and `index.html` revalidated on every visit, each precompressed where the build compressed it, and `index.html` for any other non-API GET so deep
 * links like `/models/acme/bert` load the app. Unknown API paths keep the API's 404.
 */
export async function serveWebApp(fastify: FastifyInstance, root = WEB_APP_DIR): Promise<void> {
  if (!existsSync(path.join(root, 'index.html'))) {
    fastify.get('/*', (request, reply) => {
      if (isApiPath(pathOf(request.url))) return reply.callNotFound();
      return reply.headers({ 'cache-control': 'no-store' }).type('text/plain; charset=utf-8').send(NOT_BUILT);
    });
    return;
  }
  // `npm run build:web` writes a .br and a .gz beside each text file: served to browsers that accept them,
  // with `Vary: Accept-Encoding`, the plain file to the others.
  await fastify.register(fastifyStatic, { root, serve: false, preCompressed: true });
  const topLevelFiles = new Set(
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== 'index.html' && !/\.(br|gz)$/.test(entry.name))
      .map((entry) => entry.name),
  );
  fastify.get('/*', (request, reply) => {
    const pathname = pathOf(request.url);
    if (isApiPath(pathname)) return reply.callNotFound();
    if (pathname.startsWith('/assets/')) {
      return reply.header('x-content-type-options', 'nosniff').sendFile(pathname.slice(1), { maxAge: '365d', immutable: true });
    }
    const name = decodeURIComponent(pathname.slice(1));
    if (topLevelFiles.has(name)) return reply.header('x-content-type-options', 'nosniff').sendFile(name, { maxAge: 0, immutable: false });
    return sendPage(reply);
  });
}

const pathOf = (url: string): string => url.split('?', 1)[0] ?? '/';

function sendPage(reply: FastifyReply): FastifyReply {
  return reply.headers(PAGE_HEADERS).sendFile('index.html', { cacheControl: false });
}

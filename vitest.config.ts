import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  // esbuild drops the decorator metadata Nest's dependency injection reads; SWC keeps it.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  oxc: false,
  resolve: {
    // Tests import the libraries from source: no build step between an edit and a test run.
    alias: [
      { find: /^@vetted\/db\/embedded$/, replacement: `${root}libs/db/src/embedded-postgres.ts` },
      { find: /^@vetted\/db\/schema$/, replacement: `${root}libs/db/src/prepare-schema.ts` },
      {
        find: /^@vetted\/(config|db|domain|formats|hub|inference|licenses|lifecycle|queue|signing|bundles|storage|webhooks)$/,
        replacement: `${root}libs/$1/src/index.ts`,
      },
      { find: /^@vetted\/(api|worker|cli)$/, replacement: `${root}apps/$1/src/index.ts` },
    ],
  },
  test: {
    include: ['libs/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { compressDirectory } from './scripts/compress-assets.mjs';

// `vite` (dev server) forwards the API's routes to a running `npm start`; `vite build` writes the
// static files the API serves at `/`.
const api = 'http://localhost:3000';

/** After each build, a .br and a .gz beside every text file, which the API serves precompressed. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'vetted-precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: async () => {
      const { before, after } = await compressDirectory(outDir);
      console.log(`precompressed ${(before / 1024).toFixed(1)} kB of text to ${(after / 1024).toFixed(1)} kB (brotli)`);
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: Object.fromEntries(['/v1', '/hf', '/docs', '/openapi.json', '/metrics', '/health'].map((prefix) => [prefix, api])) },
});

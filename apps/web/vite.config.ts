import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `vite` (dev server) forwards the API's routes to a running `npm start`; `vite build` writes the
// static files the API serves at `/`.
const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: Object.fromEntries(['/v1', '/hf', '/docs', '/openapi.json', '/metrics', '/health'].map((prefix) => [prefix, api])) },
});

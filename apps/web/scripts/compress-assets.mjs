// Writes a .br and a .gz next to every text file of a built web app, once, at build time: the API serves them
// to browsers that accept them (@fastify/static preCompressed) instead of compressing on each request.
// `vite build` runs it (vite.config.ts); `node compress-assets.mjs <dir>` compresses another folder.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|txt|map)$/;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile() && COMPRESSIBLE.test(entry.name)) yield full;
  }
}

/** Compresses every text file under `dir`; the bytes before and after (brotli). */
export async function compressDirectory(dir) {
  let before = 0;
  let after = 0;
  for await (const file of filesUnder(dir)) {
    const bytes = await readFile(file);
    const [br, gz] = await Promise.all([
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
      gzipped(bytes, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    before += bytes.length;
    after += br.length;
  }
  return { before, after };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
  const { before, after } = await compressDirectory(dir);
  console.log(`compressed ${dir}: ${(before / 1024).toFixed(1)} kB → ${(after / 1024).toFixed(1)} kB with brotli`);
}

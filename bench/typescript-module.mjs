// Imports one of the project's TypeScript test fixtures (test/gguf-llm.ts, test/onnx-model.ts) from a benchmark
// script: Node 20 runs no TypeScript, so esbuild (a dev dependency) bundles it into a temporary ES module first.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function importTypeScript(relativePath) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-ts-'));
  try {
    const outfile = path.join(dir, 'module.mjs');
    // Its packages (protobufjs…) are bundled too: the module is imported from outside the project.
    await build({
      entryPoints: [path.join(root, relativePath)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'warning',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

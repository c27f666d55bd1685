// Bundles the CLI and its child into two self-contained ES modules, to carry vetted-bench to a machine with no
// npm install (a GPU machine: README, "GPU workers"). onnxruntime-node and node-llama-cpp (native
// binaries) stay external: put the bundle where `node_modules/onnxruntime-node` (and, for GGUF models,
// `node_modules/node-llama-cpp`) resolve, e.g. `--outdir .gpu` from the project root.
// Usage: node libs/inference/scripts/bundle.mjs [--outdir DIR]   (default libs/inference/bundle)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: 'string', default: path.join(root, 'bundle') } } });

// In the bundle the child sits beside the CLI, not in ../dist/.
const childBesideBundle = {
  name: 'child-beside-bundle',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/]child-script\.ts$/ }, () => ({
      contents: "export const benchmarkChildScript = new URL('./benchmark-child.mjs', import.meta.url);",
      loader: 'ts',
    }));
  },
};

const result = await build({
  entryPoints: { 'vetted-bench': path.join(root, 'src/cli.ts'), 'benchmark-child': path.join(root, 'src/benchmark-child.ts') },
  outdir: values.outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['onnxruntime-node', 'node-llama-cpp'],
  plugins: [childBesideBundle],
  metafile: true,
  logLevel: 'warning',
});
for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) console.log(`${file}  ${(bytes / 1024).toFixed(1)} KiB`);

// Bundle benchmark: export and import of one version of BENCH_BUNDLE_BYTES (default 2 GiB, in 4 files)
// through libs/bundles and the disk blob store, next to the same work done by `tar` + `sha256sum` in
// the same run. Reports throughput and the process's peak resident memory.
// Run: npm run build && node bench/bundles.mjs
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { timed, writeTestFile } from './helpers.mjs';
import { readBundle, writeBundle } from '../libs/bundles/dist/index.js';
import { generateSigningKeyPem, signApproval, signingKeyFromPem } from '../libs/signing/dist/index.js';
import { DiskBlobStore } from '../libs/storage/dist/index.js';

const run = promisify(execFile);
const SIZE = Number(process.env.BENCH_BUNDLE_BYTES ?? 2 * 1024 ** 3);
const FILES = 4;
const mibps = (seconds) => (SIZE / 1024 ** 2 / seconds).toFixed(0);

const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-bundles-'));
const source = path.join(dir, 'model');
await mkdir(source);
const key = signingKeyFromPem(generateSigningKeyPem());
const storeA = new DiskBlobStore(path.join(dir, 'a'));
const storeB = new DiskBlobStore(path.join(dir, 'b'));
const files = [];
const keys = new Map();
for (let i = 0; i < FILES; i++) {
  const file = path.join(source, `shard-${i}.bin`);
  await writeTestFile(file, SIZE / FILES);
  await run('sh', ['-c', `printf '%08d' ${i} | dd of=${file} conv=notrunc status=none`]); // distinct contents, hence distinct blobs
  const written = await storeA.write(createReadStream(file), { maxBytes: SIZE });
  keys.set(written.sha256, written.key);
  files.push({ path: `shard-${i}.bin`, size: written.size, sha256: written.sha256 });
}
const approval = {
  model: 'bench/model',
  version: '1',
  commitSha: '0'.repeat(40),
  licenseId: null,
  reviewer: 'bench',
  approvedAt: new Date().toISOString(),
  files,
};
const record = {
  model: 'bench/model',
  version: '1',
  commitSha: approval.commitSha,
  modelInfo: { displayName: null, description: '', task: null, library: null, tags: [] },
  license: null,
  card: null,
  facts: {},
  approvedBy: 'bench',
  approvedAt: approval.approvedAt,
  files: files.map((file) => ({ ...file, format: 'other', scanStatus: 'clean', scanFindings: [], facts: {} })),
  reviews: [],
  benchmarks: [],
};
const version = { model: 'bench/model', version: '1', record, signature: JSON.stringify(signApproval(key, approval)), files };

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const bundlePath = path.join(dir, 'bundle.tar');
const exportSeconds = await timed(() =>
  pipeline(writeBundle(key, { versions: [version], openBlob: (sha256) => storeA.read(keys.get(sha256)) }), createWriteStream(bundlePath)),
);
const importSeconds = await timed(() =>
  readBundle(createReadStream(bundlePath), { trusted: [key.publicKey] }, (entry, bytes) =>
    storeB.write(bytes, { maxBytes: entry.size, expectedBytes: entry.size }).then(() => undefined),
  ),
);
clearInterval(sampler);

const baselineTar = path.join(dir, 'baseline.tar');
const sha256sum = (where) => run('sh', ['-c', `cd ${where} && sha256sum *.bin`], { maxBuffer: 1 << 20 });
const baselineExport = await timed(async () => {
  await sha256sum(source);
  await run('tar', ['cf', baselineTar, '-C', source, '.']);
});
const unpacked = path.join(dir, 'unpacked');
await mkdir(unpacked);
const baselineImport = await timed(async () => {
  await run('tar', ['xf', baselineTar, '-C', unpacked]);
  await sha256sum(unpacked);
});

console.log(`bundle of ${(SIZE / 1024 ** 3).toFixed(2)} GiB in ${FILES} files`);
console.log(`| step   | tar + sha256sum MiB/s | Vetted MiB/s | ratio |`);
console.log(`| export | ${mibps(baselineExport)} | ${mibps(exportSeconds)} | ${(baselineExport / exportSeconds).toFixed(2)} |`);
console.log(`| import | ${mibps(baselineImport)} | ${mibps(importSeconds)} | ${(baselineImport / importSeconds).toFixed(2)} |`);
console.log(`peak RSS of the Vetted side: ${(peak / 1024 ** 2).toFixed(0)} MiB`);
await rm(dir, { recursive: true, force: true });

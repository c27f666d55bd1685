// Bundle benchmark: export and import of one version of BENCH_BUNDLE_BYTES (default 2 GiB, in 4 files)
// through libs/bundles and the disk blob store, next to the same work done by `tar` + `sha256sum` in
// the same run, ROUNDS times (median and range). Reports throughput and the process's peak resident memory.
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
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const mibps = (seconds) => (SIZE / 1024 ** 2 / seconds).toFixed(0);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
/** Throughput median (range), from the seconds of each round. */
const figure = (list) => `${mibps(median(list))} (${mibps(Math.max(...list))}–${mibps(Math.min(...list))})`;

const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-bundles-'));
const source = path.join(dir, 'model');
await mkdir(source);
const key = signingKeyFromPem(generateSigningKeyPem());
const storeA = new DiskBlobStore(path.join(dir, 'a'));
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
const baselineTar = path.join(dir, 'baseline.tar');
const sha256sum = (where) => run('sh', ['-c', `cd ${where} && sha256sum *.bin`], { maxBuffer: 1 << 20 });
const seconds = { export: [], import: [], baselineExport: [], baselineImport: [] };
for (let round = 0; round < ROUNDS; round++) {
  const storeB = new DiskBlobStore(path.join(dir, `b${round}`));
  seconds.export.push(
    await timed(() =>
      pipeline(
        writeBundle(key, { versions: [version], openBlob: (sha256) => storeA.read(keys.get(sha256)) }),
        createWriteStream(bundlePath),
      ),
    ),
  );
  seconds.import.push(
    await timed(() =>
      readBundle(createReadStream(bundlePath), { trusted: [key.publicKey] }, (entry, bytes) =>
        storeB.write(bytes, { maxBytes: entry.size, expectedBytes: entry.size }).then(() => undefined),
      ),
    ),
  );
  await rm(path.join(dir, `b${round}`), { recursive: true, force: true });
  seconds.baselineExport.push(
    await timed(async () => {
      await sha256sum(source);
      await run('tar', ['cf', baselineTar, '-C', source, '.']);
    }),
  );
  const unpacked = path.join(dir, `unpacked${round}`);
  await mkdir(unpacked);
  seconds.baselineImport.push(
    await timed(async () => {
      await run('tar', ['xf', baselineTar, '-C', unpacked]);
      await sha256sum(unpacked);
    }),
  );
  await rm(unpacked, { recursive: true, force: true });
}
clearInterval(sampler);

console.log(`bundle of ${(SIZE / 1024 ** 3).toFixed(2)} GiB in ${FILES} files, ${ROUNDS} rounds: median (range) MiB/s`);
console.log(`| step   | tar + sha256sum MiB/s | Vetted MiB/s | ratio of medians |`);
for (const step of ['export', 'import']) {
  const baseline = seconds[step === 'export' ? 'baselineExport' : 'baselineImport'];
  console.log(`| ${step} | ${figure(baseline)} | ${figure(seconds[step])} | ${(median(baseline) / median(seconds[step])).toFixed(2)} |`);
}
console.log(`peak RSS of the Vetted side: ${(peak / 1024 ** 2).toFixed(0)} MiB`);
await rm(dir, { recursive: true, force: true });

// Weight-file benchmark: a 2 GiB file uploaded to and downloaded from Vetted on the disk store, next to
// baselines measured in the same rounds on the same file:
// - upload: the physical limit max(`openssl dgst -sha256` time, `cat > dest && sync dest` time), since an
//   upload must both hash and durably write every byte; `sha256sum` (coreutils, no SHA extensions) for scale;
// - download: nginx (`sendfile on`) serving the same file from disk, one at a time and 20 at once.
// Each figure is the median (range) of BENCH_ROUNDS rounds (default 3); also samples the API's resident memory.
// Run: npm run build && node bench/files.mjs   (needs nginx and curl: apt-get install nginx-light curl)
import { execFile, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { curl, loadAverage, median, medianAndRange, rss, sampleRss, startNginx, timed, waitFor, writeTestFile } from './helpers.mjs';
import { startEmbeddedPostgres } from '../libs/db/dist/embedded-postgres.js';
import { prepareSchema } from '../libs/db/dist/index.js';

const run = promisify(execFile);
const GIB = 1024 ** 3;
const SIZE = Number(process.env.BENCH_FILE_BYTES ?? 2 * GIB);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENT = 20;
const mb = (bytes) => bytes / 1024 ** 2;
const rate = (seconds) => mb(SIZE) / seconds;

const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-files-'));
await run('chmod', ['o+x', dir]); // nginx workers and the postgres user must reach their files
const file = path.join(dir, 'www', 'model.safetensors');
const copy = path.join(dir, 'copy.bin');
await mkdir(path.dirname(file), { recursive: true });
const postgres = await startEmbeddedPostgres({
  dir: path.join(dir, 'pg'),
  port: 55000 + Math.floor(Math.random() * 500),
  database: 'bench',
});
const cleanup = [];
try {
  await writeTestFile(file, SIZE);
  await prepareSchema(postgres.url);
  const apiPort = 4100 + Math.floor(Math.random() * 100);
  const nginxPort = apiPort + 100;
  const token = `hf_bench_${randomBytes(24).toString('hex')}`;
  const api = fork('apps/api/dist/main.js', [], {
    env: {
      ...process.env,
      DATABASE_URL: postgres.url,
      PORT: String(apiPort),
      LOG_LEVEL: 'warn',
      VETTED_DATA_DIR: path.join(dir, 'vetted'),
      VETTED_ADMIN_TOKEN: token,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  cleanup.push(() => api.kill('SIGTERM'));
  cleanup.push(await startNginx(dir, nginxPort));
  const base = `http://127.0.0.1:${apiPort}`;
  await waitFor(`${base}/health`);
  const auth = ['-H', `Authorization: Bearer ${token}`];
  await curl([...auth, '-H', 'content-type: application/json', '-d', '{"namespace":"bench","name":"big"}', `${base}/v1/models`]);
  const rssBefore = await rss(api.pid);
  const loadBefore = loadAverage();

  const seconds = { openssl: [], sha256sum: [], copySync: [], limit: [], upload: [] };
  let uploadPeak = 0;
  for (let round = 0; round < ROUNDS; round++) {
    seconds.openssl.push(await timed(() => run('openssl', ['dgst', '-sha256', file])));
    seconds.sha256sum.push(await timed(() => run('sha256sum', [file])));
    seconds.copySync.push(await timed(() => run('sh', ['-c', `cat "${file}" > "${copy}" && sync "${copy}"`])));
    await rm(copy);
    seconds.limit.push(Math.max(seconds.openssl.at(-1), seconds.copySync.at(-1)));
    await curl([...auth, '-H', 'content-type: application/json', '-d', `{"version":"r${round}"}`, `${base}/v1/models/bench/big/versions`]);
    const url = `${base}/v1/models/bench/big/versions/r${round}/files/model.safetensors`;
    const sampler = sampleRss(api.pid);
    seconds.upload.push(await timed(() => curl([...auth, '-H', 'Expect:', '-T', file, url])));
    uploadPeak = Math.max(uploadPeak, await sampler.stop());
  }
  const fileUrl = `${base}/v1/models/bench/big/versions/r0/files/model.safetensors`;

  const downloads = { nginx: [], vetted: [], nginxConcurrent: [], vettedConcurrent: [] };
  let downloadPeak = 0;
  let concurrentPeak = 0;
  for (let round = 0; round < ROUNDS; round++) {
    downloads.nginx.push(await downloadRate([`http://127.0.0.1:${nginxPort}/model.safetensors`]));
    const sampler = sampleRss(api.pid);
    downloads.vetted.push(await downloadRate([...auth, fileUrl]));
    downloadPeak = Math.max(downloadPeak, await sampler.stop());
    downloads.nginxConcurrent.push(await concurrentRate([`http://127.0.0.1:${nginxPort}/model.safetensors`]));
    const concurrentSampler = sampleRss(api.pid);
    downloads.vettedConcurrent.push(await concurrentRate([...auth, fileUrl]));
    concurrentPeak = Math.max(concurrentPeak, await concurrentSampler.stop());
  }

  const rates = (list) => list.map(rate);
  const ratio = (vetted, baseline) => (median(vetted) / median(baseline)).toFixed(2);
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, file ${mb(SIZE).toFixed(0)} MiB, ${ROUNDS} rounds: median (range)`,
  );
  console.log(`load average (1/5/15 min) before: ${loadBefore}; after: ${loadAverage()}\n`);
  console.log('| measurement, MiB/s | baseline | Vetted | ratio of medians |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| upload: physical limit max(openssl, cat + sync) | ${medianAndRange(rates(seconds.limit))} | ${medianAndRange(rates(seconds.upload))} | ${ratio(rates(seconds.upload), rates(seconds.limit))} |`,
  );
  console.log(
    `| … openssl dgst -sha256 alone | ${medianAndRange(rates(seconds.openssl))} | | ${ratio(rates(seconds.upload), rates(seconds.openssl))} |`,
  );
  console.log(
    `| … cat > dest && sync dest alone | ${medianAndRange(rates(seconds.copySync))} | | ${ratio(rates(seconds.upload), rates(seconds.copySync))} |`,
  );
  console.log(
    `| … sha256sum alone | ${medianAndRange(rates(seconds.sha256sum))} | | ${ratio(rates(seconds.upload), rates(seconds.sha256sum))} |`,
  );
  console.log(
    `| download: nginx | ${medianAndRange(downloads.nginx)} | ${medianAndRange(downloads.vetted)} | ${ratio(downloads.vetted, downloads.nginx)} |`,
  );
  console.log(
    `| ${CONCURRENT} concurrent downloads, total: nginx | ${medianAndRange(downloads.nginxConcurrent)} | ${medianAndRange(downloads.vettedConcurrent)} | ${ratio(downloads.vettedConcurrent, downloads.nginxConcurrent)} |`,
  );
  console.log(
    `\nAPI resident memory: ${mb(rssBefore).toFixed(0)} MiB idle; growth ${mb(uploadPeak - rssBefore).toFixed(0)} MiB during uploads, ${mb(downloadPeak - rssBefore).toFixed(0)} MiB during downloads, ${mb(concurrentPeak - rssBefore).toFixed(0)} MiB during ${CONCURRENT} concurrent downloads`,
  );
} finally {
  for (const stop of cleanup.reverse()) await stop();
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
}

/** MiB/s of one download read to /dev/null by curl. */
async function downloadRate(args, partialOk = false) {
  try {
    const out = await curl(['-o', '/dev/null', '-w', '%{speed_download}', ...args]);
    return mb(Number(out));
  } catch (error) {
    if (partialOk && error.code === 28) return mb(Number(error.stdout)); // --max-time reached: rate so far
    throw error;
  }
}

/** MiB/s in total of CONCURRENT downloads at once, each stopped after 15 s. */
async function concurrentRate(args) {
  const each = await Promise.all(Array.from({ length: CONCURRENT }, () => downloadRate(['--max-time', '15', ...args], true)));
  return each.reduce((sum, value) => sum + value, 0);
}

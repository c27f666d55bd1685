// Site-to-site bundles through the running services: two `vetted start` sites (A and B: API, worker and
// embedded PostgreSQL each, disk stores), one version of BENCH_BUNDLE_BYTES (default 10 GiB, in 4 files)
// uploaded to A and approved; A's worker writes the export into A's store, A's API serves it, and B imports it
// streamed straight from A's download. One round (each step moves the whole size); the same run's baseline is
// `sha256sum` + `tar cf` of the stored files (export) and `tar xf` + `sha256sum` (import). Reports throughput,
// each API's and worker's peak resident memory (VmHWM, over its whole life) and the load average.
// Needs about 3 × BENCH_BUNDLE_BYTES of free disk; deletes everything it wrote.
// Run: npm run build && node bench/bundles-sites.mjs
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { childPid, loadAverage, timed, waitFor } from './helpers.mjs';

const run = promisify(execFile);
const SIZE = Number(process.env.BENCH_BUNDLE_BYTES ?? 10 * 1024 ** 3);
const FILES = 4;
const TOKEN = `hf_bench_${randomBytes(24).toString('hex')}`;
const mibps = (seconds) => (SIZE / 1024 ** 2 / seconds).toFixed(0);

const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-sites-'));
await run('chmod', ['o+x', dir]); // the embedded PostgreSQL's user must reach its folder
const sites = [];
try {
  const loadBefore = loadAverage();
  const a = await startSite('a', 4600 + Math.floor(Math.random() * 100));
  const base = '/v1/models/bench/big/versions/1';
  await call(a, 'POST', '/v1/models', { namespace: 'bench', name: 'big', license: 'apache-2.0' });
  await call(a, 'POST', '/v1/models/bench/big/versions', { version: '1' });
  const upload = await timed(async () => {
    for (let i = 0; i < FILES; i++) await send(a, 'PUT', `${base}/files/shard-${i}.bin`, testData(i, SIZE / FILES), SIZE / FILES);
  });
  await call(a, 'POST', `${base}/submit`);
  while ((await call(a, 'GET', `${base}/scan`)).status === 'pending') await sleep(500);
  await call(a, 'POST', `${base}/reviews`, { decision: 'approve', comment: 'bench', overrideReason: 'bench data' });

  const stored = await storedFiles(path.join(dir, 'a', 'blobs', 'sha256'));
  const baseline = await baselines(stored);

  let exported;
  const exporting = await timed(async () => {
    const { id } = await call(a, 'POST', '/v1/exports', { models: ['bench/big@1'] });
    while (['queued', 'running'].includes((exported = await call(a, 'GET', `/v1/exports/${id}`)).status)) await sleep(200);
  });
  if (exported.status !== 'succeeded') throw new Error(`export ${exported.status}: ${exported.error}`);
  const download = await timed(() => drain(a, `/v1/exports/${exported.id}/download`));

  const b = await startSite('b', a.port + 100);
  const [key] = (await call(a, 'GET', '/v1/signing-keys')).items;
  await call(b, 'POST', '/v1/trusted-keys', { name: 'site A', pem: key.publicKeyPem });
  const carried = await timed(async () => {
    const bundle = await open(a, 'GET', `/v1/exports/${exported.id}/download`);
    await send(b, 'POST', '/v1/imports/bundle', bundle, exported.size);
  });

  const memory = {};
  for (const site of sites) for (const role of ['api', 'worker']) memory[`${site.name} ${role}`] = await peakRss(site[role]);
  console.log(`${(SIZE / 1024 ** 3).toFixed(1)} GiB in ${FILES} files, bundle ${(exported.size / 1024 ** 3).toFixed(2)} GiB, one round`);
  console.log(`load average before: ${loadBefore}; after: ${loadAverage()} (${os.cpus().length} cores)`);
  console.log('| step | Vetted MiB/s | baseline MiB/s |');
  console.log(`| upload to A (PUT, 4 files) | ${mibps(upload)} | |`);
  console.log(`| export (A's worker → A's store) | ${mibps(exporting)} | ${mibps(baseline.export)} (sha256sum + tar cf) |`);
  console.log(`| download (A's API → /dev/null) | ${mibps(download)} | |`);
  console.log(`| import (A's download → B's API) | ${mibps(carried)} | ${mibps(baseline.import)} (tar xf + sha256sum) |`);
  console.log(
    `peak RSS (MiB): ${Object.entries(memory)
      .map(([name, bytes]) => `${name} ${(bytes / 1024 ** 2).toFixed(0)}`)
      .join(', ')}`,
  );
} finally {
  for (const site of sites) await site.stop();
  await rm(dir, { recursive: true, force: true });
}

/** `vetted start` with its own data folder, port and embedded PostgreSQL. */
async function startSite(name, port) {
  const env = {
    ...process.env,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    VETTED_DATA_DIR: path.join(dir, name),
    VETTED_EMBEDDED_PG_PORT: String(port + 1000),
    VETTED_ADMIN_TOKEN: TOKEN,
    VETTED_BENCHMARK_AUTO: 'false',
    VETTED_RATE_LIMIT_WRITES: '0',
    VETTED_RATE_LIMIT_DOWNLOADS: '0',
  };
  const vetted = spawn(process.execPath, ['apps/cli/dist/main.js', 'start'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => vetted.once('exit', resolve));
  const site = {
    name,
    port,
    stop: async () => {
      vetted.kill('SIGTERM');
      await exited;
    },
  };
  sites.push(site);
  await waitFor(`http://127.0.0.1:${port}/health`);
  site.api = await childPid(vetted.pid, 'api');
  site.worker = await childPid(vetted.pid, 'worker');
  return site;
}

/** A JSON call with the admin token; throws on an error answer. */
async function call(site, method, route, body) {
  const response = await fetch(`http://127.0.0.1:${site.port}${route}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Streams `body` (of `length` bytes) as the request body; resolves with the answer once it is read. */
function send(site, method, route, body, length) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: site.port,
        path: route,
        method,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream', 'content-length': length },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          response.statusCode < 300 ? resolve(text) : reject(new Error(`${route}: ${response.statusCode} ${text}`)),
        );
      },
    );
    request.on('error', reject);
    body.on('error', (error) => request.destroy(error));
    body.pipe(request);
  });
}

function open(site, method, route) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: site.port, path: route, method, headers: { authorization: `Bearer ${TOKEN}` } },
      (response) => (response.statusCode === 200 ? resolve(response) : reject(new Error(`${route}: ${response.statusCode}`))),
    );
    request.on('error', reject);
    request.end();
  });
}

async function drain(site, route) {
  const response = await open(site, 'GET', route);
  for await (const chunk of response) void chunk;
}

/** A 1 MiB random block repeated, its first bytes numbered so that every file is a distinct blob. */
function testData(number, size) {
  const block = randomBytes(1024 * 1024);
  return Readable.from(
    (function* () {
      for (let sent = 0; sent < size; sent += block.length) {
        const chunk = Buffer.from(block.subarray(0, Math.min(block.length, size - sent)));
        if (sent === 0) chunk.write(`${number}`.padStart(8, '0'));
        yield chunk;
      }
    })(),
  );
}

async function storedFiles(root) {
  const files = [];
  for (const prefix of await readdir(root))
    for (const name of await readdir(path.join(root, prefix))) files.push(path.join(root, prefix, name));
  return files;
}

/** The same work without Vetted, on the same files and disk: hash and pack, unpack and hash. */
async function baselines(files) {
  const tar = path.join(dir, 'baseline.tar');
  const unpacked = path.join(dir, 'unpacked');
  await mkdir(unpacked);
  const sha256sum = (where) => run('sh', ['-c', `sha256sum ${where}`], { maxBuffer: 1 << 20 });
  const exporting = await timed(async () => {
    await sha256sum(files.join(' '));
    await run('tar', ['cf', tar, ...files.map((file) => path.relative(dir, file))], { cwd: dir });
  });
  const importing = await timed(async () => {
    await run('tar', ['xf', tar, '-C', unpacked]);
    await sha256sum(`$(find ${unpacked} -type f)`);
  });
  await rm(tar);
  await rm(unpacked, { recursive: true });
  return { export: exporting, import: importing };
}

async function peakRss(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmHWM:\s+(\d+) kB/)[1]) * 1024;
}

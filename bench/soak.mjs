// Soak benchmark: does Vetted slow down after running a while? Runs `vetted start` (API + worker) on an
// embedded PostgreSQL for BENCH_MINUTES (default 20) under mixed traffic — catalog requests from
// BENCH_CATALOG_CLIENTS loops, BENCH_CANCEL_SHARE of them cut by the client mid-query; a BENCH_FILE_BYTES upload
// every BENCH_UPLOAD_EVERY_MINUTES — and every BENCH_SAMPLE_SECONDS downloads the same file from Vetted and from
// nginx (sendfile, the baseline, same moment), then reads the API's own /metrics: heap, resident memory,
// event-loop delay, garbage-collection time, open handles. Prints one row per sample as it goes. The decisive
// figures are the quiet downloads (3 rounds, no other traffic) before and after the soak, each next to nginx.
// BENCH_HEAP_SNAPSHOTS=1 writes an API heap snapshot after the warm-up and at the end (compare them in Chrome
// DevTools, Memory → Comparison) into BENCH_SNAPSHOT_DIR (default: the current directory).
// Run: npm run build && node bench/soak.mjs   (needs nginx and curl: apt-get install nginx-light curl)
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, mkdir, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { seedCatalog } from './catalog-seed.mjs';
import { childPid, curl, loadAverage, median, medianAndRange, startNginx, waitFor, writeTestFile } from './helpers.mjs';
import { startEmbeddedPostgres } from '../libs/db/dist/embedded-postgres.js';
import { prepareSchema } from '../libs/db/dist/index.js';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../libs/domain/dist/index.js';

const run = promisify(execFile);
const MINUTES = Number(process.env.BENCH_MINUTES ?? 20);
const SIZE = Number(process.env.BENCH_FILE_BYTES ?? 2 * 1024 ** 3);
const MODELS = Number(process.env.BENCH_MODELS ?? 20_000);
const CATALOG_CLIENTS = Number(process.env.BENCH_CATALOG_CLIENTS ?? 6);
const CANCEL_SHARE = Number(process.env.BENCH_CANCEL_SHARE ?? 0.5);
const UPLOAD_EVERY_MS = Number(process.env.BENCH_UPLOAD_EVERY_MINUTES ?? 6) * 60_000;
const SAMPLE_MS = Number(process.env.BENCH_SAMPLE_SECONDS ?? 60) * 1000;
const SNAPSHOTS = process.env.BENCH_HEAP_SNAPSHOTS === '1';
const SNAPSHOT_DIR = path.resolve(process.env.BENCH_SNAPSHOT_DIR ?? '.');
const mb = (bytes) => bytes / 1024 ** 2;

const CATALOG_PATHS = [
  '/v1/models?limit=20',
  '/v1/models?limit=20&q=llama',
  '/v1/models?limit=20&q=speech%20org12',
  '/v1/models?limit=50&task=text-generation&sort=name',
  '/v1/models?limit=20&license=apache-2.0&commercial=yes',
  '/v1/models?limit=100&sort=size',
  '/v1/models?limit=20&tag=tag7',
];

const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-soak-'));
await run('chmod', ['o+x', dir]); // nginx workers and the postgres user must reach their files
const file = path.join(dir, 'www', 'model.safetensors');
await mkdir(path.dirname(file), { recursive: true });
const postgres = await startEmbeddedPostgres({
  dir: path.join(dir, 'pg'),
  port: 57000 + Math.floor(Math.random() * 500),
  database: 'soak',
});
const cleanup = [];
try {
  await writeTestFile(file, SIZE);
  await prepareSchema(postgres.url);
  const viewerKey = await seedViewerCatalog(postgres.url);
  const port = 4400 + Math.floor(Math.random() * 100);
  const nginxPort = port + 100;
  const token = `hf_bench_${randomBytes(24).toString('hex')}`;
  const vetted = spawn(process.execPath, ['apps/cli/dist/main.js', 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: postgres.url,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      VETTED_DATA_DIR: path.join(dir, 'vetted'),
      VETTED_ADMIN_TOKEN: token,
      VETTED_BENCHMARK_AUTO: 'false',
      VETTED_RATE_LIMIT_WRITES: '0',
      VETTED_RATE_LIMIT_DOWNLOADS: '0',
      ...(SNAPSHOTS ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --heapsnapshot-signal=SIGUSR2` } : {}),
    },
    cwd: process.cwd(),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  cleanup.push(async () => {
    vetted.kill('SIGTERM');
    await new Promise((resolve) => vetted.once('exit', resolve));
  });
  cleanup.push(await startNginx(dir, nginxPort));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/health`);
  const apiPid = await childPid(vetted.pid, 'api');
  const admin = ['-H', `Authorization: Bearer ${token}`];
  await curl([...admin, '-H', 'content-type: application/json', '-d', '{"namespace":"soak","name":"weights"}', `${base}/v1/models`]);
  let uploads = 0;
  const upload = async () => {
    const version = `u${uploads++}`;
    await curl([
      ...admin,
      '-H',
      'content-type: application/json',
      '-d',
      `{"version":"${version}"}`,
      `${base}/v1/models/soak/weights/versions`,
    ]);
    const started = Date.now();
    await curl([...admin, '-H', 'Expect:', '-T', file, `${base}/v1/models/soak/weights/versions/${version}/files/model.safetensors`]);
    return (Date.now() - started) / 1000;
  };
  await upload(); // the file every sample downloads
  const fileUrl = `${base}/v1/models/soak/weights/versions/u0/files/model.safetensors`;
  const quiet = async () => {
    const rounds = [];
    for (let round = 0; round < 3; round++) {
      const vettedRate = await downloadRate([...admin, fileUrl]);
      rounds.push({ vettedRate, nginxRate: await downloadRate([`http://127.0.0.1:${nginxPort}/model.safetensors`]) });
    }
    return { rounds, metrics: await scrape(`${base}/metrics`, viewerKey) };
  };
  const before = await quiet();

  const catalog = { ok: 0, cancelled: 0, failed: 0 };
  let running = true;
  const clients = Array.from({ length: CATALOG_CLIENTS }, (_, index) =>
    catalogClient(port, viewerKey, index < Math.round(CATALOG_CLIENTS * CANCEL_SHARE), catalog, () => running),
  );

  const uploadSeconds = [];
  const uploadFailures = [];
  let uploadsDone = Promise.resolve();
  const uploadTimer = setInterval(() => {
    uploadsDone = uploadsDone.then(() =>
      upload().then(
        (seconds) => uploadSeconds.push(seconds),
        (error) => uploadFailures.push(error.message.split('\n').at(-2) ?? error.message),
      ),
    );
  }, UPLOAD_EVERY_MS);

  const started = Date.now();
  const rows = [];
  // Statements PostgreSQL ran (each autocommitted query is a transaction): work done for requests answered or not.
  const statements = async () => {
    const stats = new pg.Client({ connectionString: postgres.url });
    await stats.connect();
    try {
      return Number(
        (await stats.query(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`)).rows[0].n,
      );
    } finally {
      await stats.end();
    }
  };
  let previous = { catalog: { ...catalog }, gc: 0, at: started, statements: await statements() };
  console.log(
    `soak: ${MINUTES} min, ${CATALOG_CLIENTS} catalog clients (${Math.round(CATALOG_CLIENTS * CANCEL_SHARE)} cancelling), ${mb(SIZE).toFixed(0)} MiB file`,
  );
  console.log(
    '| minute | catalog req/s (cancelled, failed) | DB statements per answered request | Vetted MiB/s | nginx MiB/s | ratio | heap used MiB | RSS MiB | event-loop delay p99 ms | GC s/min | handles | load 1 min |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  if (SNAPSHOTS) await heapSnapshot(apiPid, 'start');
  while (Date.now() - started < MINUTES * 60_000) {
    await sleep(Math.min(SAMPLE_MS, MINUTES * 60_000 - (Date.now() - started)));
    const vettedRate = await downloadRate([...admin, fileUrl]).catch(() => 0); // 0: the download failed
    const nginxRate = await downloadRate([`http://127.0.0.1:${nginxPort}/model.safetensors`]);
    const metrics = await scrape(`${base}/metrics`, viewerKey);
    const statementCount = await statements();
    const now = Date.now();
    const done = catalog.ok + catalog.cancelled - previous.catalog.ok - previous.catalog.cancelled;
    const row = {
      minute: (now - started) / 60_000,
      catalogRate: done / ((now - previous.at) / 1000),
      cancelled: catalog.cancelled - previous.catalog.cancelled,
      failed: catalog.failed - previous.catalog.failed,
      statementsPerAnswer: (statementCount - previous.statements) / Math.max(1, catalog.ok - previous.catalog.ok),
      vettedRate,
      nginxRate,
      heap: mb(metrics.nodejs_heap_size_used_bytes),
      rss: mb(metrics.process_resident_memory_bytes),
      loopDelayP99: metrics.nodejs_eventloop_lag_p99_seconds * 1000,
      gcPerMinute: (metrics.gcSeconds - previous.gc) / ((now - previous.at) / 60_000),
      handles: metrics.nodejs_active_handles_total,
      load: os.loadavg()[0],
    };
    rows.push(row);
    previous = { catalog: { ...catalog }, gc: metrics.gcSeconds, at: now, statements: statementCount };
    console.log(format(row));
  }
  running = false;
  clearInterval(uploadTimer);
  await Promise.all(clients);
  await uploadsDone;
  const after = await quiet();
  if (SNAPSHOTS) await heapSnapshot(apiPid, 'end');

  const firstHalf = rows.slice(0, Math.ceil(rows.length / 2));
  const secondHalf = rows.slice(Math.ceil(rows.length / 2));
  const ratios = (list) => list.map((row) => row.vettedRate / row.nginxRate);
  console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}; load average at the end: ${loadAverage()}`);
  console.log(`catalog: ${catalog.ok} answered, ${catalog.cancelled} cancelled by the client, ${catalog.failed} failed`);
  console.log(
    `uploads of ${mb(SIZE).toFixed(0)} MiB during the soak: ${uploadSeconds.map((s) => `${(mb(SIZE) / s).toFixed(0)} MiB/s`).join(', ') || 'none'}`,
  );
  if (uploadFailures.length) console.log(`failed uploads: ${uploadFailures.join('; ')}`);
  console.log(
    `download / nginx, median (range): first half ${medianAndRange(ratios(firstHalf), (v) => v.toFixed(2))}, second half ${secondHalf.length ? medianAndRange(ratios(secondHalf), (v) => v.toFixed(2)) : '–'}`,
  );
  const quietLine = (label, phase) =>
    `${label}: Vetted ${medianAndRange(phase.rounds.map((r) => r.vettedRate))} MiB/s, nginx ${medianAndRange(phase.rounds.map((r) => r.nginxRate))} MiB/s, ratio ${medianAndRange(
      phase.rounds.map((r) => r.vettedRate / r.nginxRate),
      (v) => v.toFixed(2),
    )}; heap used ${mb(phase.metrics.nodejs_heap_size_used_bytes).toFixed(0)} MiB, RSS ${mb(phase.metrics.process_resident_memory_bytes).toFixed(0)} MiB, ${phase.metrics.nodejs_active_handles_total} handles`;
  console.log(`downloads with no other traffic, 3 rounds, median (range):`);
  console.log(`- ${quietLine('before the soak', before)}`);
  console.log(`- ${quietLine('after the soak', after)}`);
  console.log(
    `heap used: ${rows[0]?.heap.toFixed(0)} → ${rows.at(-1)?.heap.toFixed(0)} MiB; RSS ${rows[0]?.rss.toFixed(0)} → ${rows.at(-1)?.rss.toFixed(0)} MiB; event-loop delay p99 median ${median(rows.map((row) => row.loopDelayP99)).toFixed(1)} ms`,
  );
} finally {
  for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
}

function format(row) {
  return `| ${row.minute.toFixed(1)} | ${row.catalogRate.toFixed(0)} (${row.cancelled}, ${row.failed}) | ${row.statementsPerAnswer.toFixed(2)} | ${row.vettedRate.toFixed(0)} | ${row.nginxRate.toFixed(0)} | ${(row.vettedRate / row.nginxRate).toFixed(2)} | ${row.heap.toFixed(0)} | ${row.rss.toFixed(0)} | ${row.loopDelayP99.toFixed(1)} | ${row.gcPerMinute.toFixed(2)} | ${row.handles} | ${row.load.toFixed(2)} |`;
}

/** MODELS models with a version each (80 % approved), as bench/catalog.mjs seeds them, and a viewer key. */
async function seedViewerCatalog(url) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await seedCatalog(db, MODELS);
  const key = generateApiKey();
  await db.query(`INSERT INTO api_keys (name, role, hash, prefix, created_by) VALUES ('soak', 'viewer', $1, $2, 'bench')`, [
    hashApiKey(key),
    apiKeyPrefix(key),
  ]);
  await db.end();
  return key;
}

/** One client sending catalog requests back to back; a cancelling one drops each after 0–20 ms, mid-query. */
async function catalogClient(port, key, cancels, counts, running) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; running(); i++) {
    const requestPath = CATALOG_PATHS[i % CATALOG_PATHS.length];
    await new Promise((resolve) => {
      const request = http.get(
        { port, host: '127.0.0.1', path: requestPath, agent, headers: { authorization: `Bearer ${key}` } },
        (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode === 200) counts.ok++;
            else counts.failed++;
            resolve();
          });
          response.on('error', () => resolve());
        },
      );
      request.on('error', () => resolve());
      if (cancels) {
        setTimeout(() => {
          if (request.destroyed || request.res?.complete) return;
          counts.cancelled++;
          request.destroy();
          resolve();
        }, Math.random() * 20);
      }
    });
  }
  agent.destroy();
}

/** The API's Prometheus figures this soak reports, summed over labels; GC time over every kind. */
async function scrape(url, key) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  const text = await response.text();
  const values = { gcSeconds: 0 };
  for (const line of text.split('\n')) {
    const match = /^([a-z_0-9]+)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(line);
    if (!match) continue;
    const [, name, , value] = match;
    if (name === 'nodejs_gc_duration_seconds_sum') values.gcSeconds += Number(value);
    else values[name] = (values[name] ?? 0) + Number(value);
  }
  return values;
}

/** Asks the API for a heap snapshot (--heapsnapshot-signal) and moves it to SNAPSHOT_DIR as soak-<label>.heapsnapshot. */
async function heapSnapshot(pid, label) {
  const cwd = process.cwd();
  const before = new Set((await readdir(cwd)).filter((name) => name.endsWith('.heapsnapshot')));
  process.kill(pid, 'SIGUSR2');
  for (;;) {
    await sleep(1000);
    const written = (await readdir(cwd)).find((name) => name.endsWith('.heapsnapshot') && !before.has(name));
    if (!written) continue;
    const size = async () => (await readFile(path.join(cwd, written))).length;
    let last = -1;
    for (let now = await size(); now !== last; now = await size()) {
      last = now;
      await sleep(1000);
    }
    await mkdir(SNAPSHOT_DIR, { recursive: true });
    await rename(path.join(cwd, written), path.join(SNAPSHOT_DIR, `soak-${label}.heapsnapshot`));
    console.log(`heap snapshot: ${path.join(SNAPSHOT_DIR, `soak-${label}.heapsnapshot`)}`);
    return;
  }
}

async function downloadRate(args) {
  return mb(Number(await curl(['-o', '/dev/null', '-w', '%{speed_download}', ...args])));
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

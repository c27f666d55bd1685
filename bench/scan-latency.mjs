// Queue latency: a small ONNX model (test/onnx-model.ts, 2 × 16×16 MLP) submitted to Vetted (API + worker, disk store,
// embedded PostgreSQL), timed from the submit request to the version's scanned_at, and to its automatic benchmark's
// finished_at; BENCH_ROUNDS rounds (default 5), median (range). The pg-boss job rows say where the time went:
// waiting in the queue (created → started) and the scan job itself (started → completed), the floor the total can
// approach (the baseline of the same round). Run: npm run build && node bench/scan-latency.mjs
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadAverage, medianAndRange, waitFor } from './helpers.mjs';
import { importTypeScript } from './typescript-module.mjs';
import { startEmbeddedPostgres } from '../libs/db/dist/embedded-postgres.js';
import { prepareSchema } from '../libs/db/dist/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const { mlpModel } = await importTypeScript('test/onnx-model.ts');
const model = mlpModel(16, 2);
const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-scan-'));
const postgres = await startEmbeddedPostgres({
  dir: path.join(dir, 'pg'),
  port: 58900 + Math.floor(Math.random() * 100),
  database: 'scan',
});
const children = [];
const db = new pg.Client({ connectionString: postgres.url });
try {
  await prepareSchema(postgres.url);
  await db.connect();
  const token = `hf_bench_${randomBytes(24).toString('hex')}`;
  const port = 4700 + Math.floor(Math.random() * 100);
  const env = {
    ...process.env,
    DATABASE_URL: postgres.url,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    VETTED_DATA_DIR: path.join(dir, 'vetted'),
    VETTED_ADMIN_TOKEN: token,
    VETTED_BENCHMARK_EP: 'cpu',
  };
  children.push(fork('apps/api/dist/main.js', [], { env, stdio: 'inherit' }));
  children.push(fork('apps/worker/dist/main.js', [], { env, stdio: 'inherit' }));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/health`);
  const call = async (method, route, body, contentType = 'application/json') => {
    const response = await fetch(`${base}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': contentType } : {}) },
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body,
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return response;
  };
  await call('POST', '/v1/models', { namespace: 'bench', name: 'tiny', license: 'mit' });

  const loadBefore = loadAverage();
  const figures = { scanDone: [], benchmarkDone: [], queued: [], scanJob: [] };
  // Round 0 warms both processes up (first queries, first ONNX session); it is not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    const version = `r${round}`;
    await call('POST', '/v1/models/bench/tiny/versions', { version });
    await call('PUT', `/v1/models/bench/tiny/versions/${version}/files/model.onnx`, model, 'application/octet-stream');
    const submitted = Date.now();
    await call('POST', `/v1/models/bench/tiny/versions/${version}/submit`);
    const row = await until(async () => {
      const { rows } = await db.query(
        `SELECT v.id, v.scanned_at, b.finished_at AS benchmarked_at, b.status AS benchmark_status, b.error AS benchmark_error
           FROM model_versions v JOIN models m ON m.id = v.model_id LEFT JOIN benchmark_runs b ON b.version_id = v.id
          WHERE m.name = 'tiny' AND v.label = $1`,
        [version],
      );
      return rows[0]?.scanned_at && rows[0]?.benchmarked_at ? rows[0] : undefined;
    });
    const [job] = (
      await db.query(
        `SELECT created_on, started_on, completed_on FROM pgboss.job WHERE name = 'version.scan' AND data->>'versionId' = $1`,
        [row.id],
      )
    ).rows;
    if (row.benchmark_status !== 'succeeded')
      throw new Error(`the benchmark of ${version} ended ${row.benchmark_status}: ${JSON.stringify(row.benchmark_error)}`);
    if (round === 0) continue;
    figures.scanDone.push(row.scanned_at.getTime() - submitted);
    figures.benchmarkDone.push(row.benchmarked_at.getTime() - submitted);
    figures.queued.push(job.started_on.getTime() - job.created_on.getTime());
    figures.scanJob.push(job.completed_on.getTime() - job.started_on.getTime());
  }

  console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, ${ROUNDS} rounds: median (range), ms`);
  console.log(`load average (1/5/15 min) before: ${loadBefore}; after: ${loadAverage()}\n`);
  console.log('| submit → scan done | of which waiting in the queue | baseline: the scan job alone | submit → benchmark done |');
  console.log('| ---: | ---: | ---: | ---: |');
  console.log(
    `| ${medianAndRange(figures.scanDone)} | ${medianAndRange(figures.queued)} | ${medianAndRange(figures.scanJob)} | ${medianAndRange(figures.benchmarkDone)} |`,
  );
} finally {
  await db.end().catch(() => undefined);
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()))));
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
}

/** Polls `probe` every 5 ms until it returns something (a minute at most). */
async function until(probe) {
  for (let attempt = 0; attempt < 12_000; attempt++) {
    const found = await probe();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('timed out');
}

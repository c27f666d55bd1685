// Import benchmark: a 1 GiB file imported from a Hub-shaped server, next to baselines measured in the same
// rounds: the shell pipeline an operator would write for the same job, `curl <the same /hf URL> | tee dest |
// openssl dgst -sha256` followed by `sync dest` (also with Debian's slower `sha256sum`), and `openssl dgst` /
// `sha256sum` of the file alone. The Hub-shaped server is a second Vetted serving the file through its /hf
// endpoint (a real Hub cannot be reached from here); the importing Vetted (API + worker, disk store) reads it
// with @huggingface/hub, hashes it, writes and fsyncs it. BENCH_ROUNDS rounds (default 3), median (range).
// Also samples the worker's memory. Run: npm run build && node bench/import.mjs
import { execFile, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadAverage, median, medianAndRange, rss, sampleRss, timed, waitFor, writeTestFile } from './helpers.mjs';
import pg from 'pg';
import { startEmbeddedPostgres } from '../libs/db/dist/embedded-postgres.js';
import { prepareSchema } from '../libs/db/dist/index.js';

const run = promisify(execFile);
const SIZE = Number(process.env.BENCH_FILE_BYTES ?? 1024 ** 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const mb = (bytes) => bytes / 1024 ** 2;

const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-import-'));
await run('chmod', ['o+x', dir]);
const postgres = await startEmbeddedPostgres({
  dir: path.join(dir, 'pg'),
  port: 56000 + Math.floor(Math.random() * 500),
  database: 'source',
});
const children = [];
try {
  const file = path.join(dir, 'model.safetensors');
  await writeTestFile(file, SIZE);
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query('CREATE DATABASE target');
  await admin.end();
  const targetUrl = postgres.url.replace(/\/source$/, '/target');
  await prepareSchema(postgres.url);
  await prepareSchema(targetUrl);

  const token = `hf_bench_${randomBytes(24).toString('hex')}`;
  const sourcePort = 4300 + Math.floor(Math.random() * 100);
  const targetPort = sourcePort + 100;
  const common = { ...process.env, LOG_LEVEL: process.env.BENCH_DEBUG ? 'info' : 'warn', VETTED_ADMIN_TOKEN: token };
  const source = { ...common, DATABASE_URL: postgres.url, PORT: String(sourcePort), VETTED_DATA_DIR: path.join(dir, 'source') };
  const target = {
    ...common,
    DATABASE_URL: targetUrl,
    PORT: String(targetPort),
    VETTED_DATA_DIR: path.join(dir, 'target'),
    HF_HUB_URL: `http://127.0.0.1:${sourcePort}/hf`,
    HF_TOKEN: token,
  };
  children.push(fork('apps/api/dist/main.js', [], { env: source, stdio: 'inherit' }));
  children.push(fork('apps/api/dist/main.js', [], { env: target, stdio: 'inherit' }));
  const worker = fork('apps/worker/dist/main.js', [], { env: target, stdio: 'inherit' });
  children.push(worker);
  const sourceApi = `http://127.0.0.1:${sourcePort}`;
  const targetApi = `http://127.0.0.1:${targetPort}`;
  await waitFor(`${sourceApi}/health`);
  await waitFor(`${targetApi}/health`);

  const call = async (base, method, route, body, headers = {}) => {
    const response = await fetch(`${base}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body && !(body instanceof Uint8Array) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body instanceof Uint8Array ? body : body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return response.json();
  };

  const seconds = { sha256sum: [], openssl: [], pipeline: [], pipelineSha256sum: [], import: [] };
  const loadBefore = loadAverage();
  let peak = 0;
  const growth = [];
  const idle = await rss(worker.pid);
  for (let round = 0; round < ROUNDS; round++) {
    // A fresh file each round, so the importer cannot skip content it already stored.
    await writeTestFile(file, SIZE);
    seconds.sha256sum.push(await timed(() => run('sha256sum', [file])));
    seconds.openssl.push(await timed(() => run('openssl', ['dgst', '-sha256', file])));
    await call(sourceApi, 'POST', '/v1/models', { namespace: 'bench', name: `m${round}` });
    await call(sourceApi, 'POST', `/v1/models/bench/m${round}/versions`, { version: '1' });
    await run('curl', [
      '-sS',
      '--fail',
      '-H',
      `Authorization: Bearer ${token}`,
      '-H',
      'Expect:',
      '-T',
      file,
      `${sourceApi}/v1/models/bench/m${round}/versions/1/files/model.safetensors`,
    ]);
    await call(sourceApi, 'POST', `/v1/models/bench/m${round}/versions/1/submit`);
    const db = new pg.Client({ connectionString: postgres.url });
    await db.connect();
    await db.query(`UPDATE model_versions SET status = 'approved'`);
    await db.end();

    const hubUrl = `${sourceApi}/hf/bench/m${round}/resolve/main/model.safetensors`;
    const copy = path.join(dir, 'pipeline.bin');
    for (const [name, hasher] of [
      ['pipeline', 'openssl dgst -sha256'],
      ['pipelineSha256sum', 'sha256sum'],
    ]) {
      seconds[name].push(
        await timed(() =>
          run('bash', [
            '-o',
            'pipefail',
            '-c',
            `curl -sSfL -H "Authorization: Bearer ${token}" "${hubUrl}" | tee "${copy}" | ${hasher} && sync "${copy}"`,
          ]),
        ),
      );
      await rm(copy);
    }
    const before = await rss(worker.pid);
    const sampler = sampleRss(worker.pid);
    const importTime = await timed(async () => {
      const job = await call(targetApi, 'POST', '/v1/imports', { repo: `bench/m${round}` });
      for (;;) {
        const state = await call(targetApi, 'GET', `/v1/imports/${job.id}`);
        if (state.status === 'succeeded') return;
        if (state.status !== 'queued' && state.status !== 'running') throw new Error(`import ${state.status}: ${state.error}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    const roundPeak = await sampler.stop();
    growth.push(roundPeak - before);
    peak = Math.max(peak, roundPeak);
    seconds.import.push(importTime);
    if (process.env.BENCH_DEBUG) {
      const db = new pg.Client({ connectionString: targetUrl });
      await db.connect();
      const { rows } = await db.query(
        `SELECT j.created_at, j.finished_at, f.created_at AS file_at, (SELECT min(at) FROM audit_events) AS first FROM import_jobs j JOIN model_files f ON f.version_id = j.version_id ORDER BY j.created_at DESC LIMIT 1`,
      );
      console.log('timeline', rows[0]);
      await db.end();
    }
  }

  const rates = (list) => list.map((value) => mb(SIZE) / value);
  const row = (label, baseline) =>
    `| ${label} | ${medianAndRange(rates(baseline))} | ${medianAndRange(rates(seconds.import))} | ${(median(baseline) / median(seconds.import)).toFixed(2)} |`;
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, file ${mb(SIZE).toFixed(0)} MiB, ${ROUNDS} rounds: median (range)`,
  );
  console.log(`load average (1/5/15 min) before: ${loadBefore}; after: ${loadAverage()}\n`);
  console.log('| baseline | baseline MiB/s | Vetted import (request → succeeded) MiB/s | ratio of medians |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(row('curl \\| tee \\| openssl dgst -sha256 && sync', seconds.pipeline));
  console.log(row('curl \\| tee \\| sha256sum && sync', seconds.pipelineSha256sum));
  console.log(row('openssl dgst -sha256 of the file', seconds.openssl));
  console.log(row('sha256sum of the file', seconds.sha256sum));
  console.log(
    `\nworker resident memory: ${mb(idle).toFixed(0)} MiB idle before the first import, peak ${mb(peak).toFixed(0)} MiB; growth during each import: ${growth.map((g) => `${mb(g).toFixed(0)} MiB`).join(', ')}`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
}

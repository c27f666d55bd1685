// Catalog benchmark: GET /v1/models (list, searches, filters) and GET /v1/models/:ns/:name as a viewer
// under concurrent load (autocannon), against a bare Fastify + pg baseline that runs the API's own SQL,
// measured in the same run on the same database, alternating, ROUNDS rounds each. Run: npm run bench;
// BENCH_MODELS=1000000 for the 1M-model table.
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startEmbeddedPostgres } from '../libs/db/dist/embedded-postgres.js';
import { prepareSchema } from '../libs/db/dist/index.js';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../libs/domain/dist/index.js';
import { seedCatalog } from './catalog-seed.mjs';
import { loadAverage, median, medianAndRange } from './helpers.mjs';

const MODELS = Number(process.env.BENCH_MODELS ?? 100_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

// The seed (bench/catalog-seed.mjs): model i has words of `i % 5` in its description and task,
// license `i % 5`, tag `i % 100`: "chat" and "speech", or mit and text-to-image, never meet.
const SCENARIOS = [
  { name: 'list, first page', path: '/v1/models?limit=20' },
  { name: 'broad search `q=llama` (20 %)', path: '/v1/models?limit=20&q=llama' },
  { name: 'selective search `q=speech org12` (0.4 %)', path: '/v1/models?limit=20&q=speech%20org12' },
  { name: 'typo `q=zzzz` (none)', path: '/v1/models?limit=20&q=zzzz' },
  { name: 'zero-match words `q=chat speech`', path: '/v1/models?limit=20&q=chat%20speech' },
  { name: 'zero-match filters `license=mit&task=text-to-image`', path: '/v1/models?limit=20&license=mit&task=text-to-image' },
  { name: 'filters `tag=tag7&license=llama3.1` (1 %)', path: '/v1/models?limit=20&tag=tag7&license=llama3.1' },
];

const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-'));
const postgres = await startEmbeddedPostgres({ dir, port: 54000 + Math.floor(Math.random() * 1000), database: 'bench' });
const children = [];
try {
  await prepareSchema(postgres.url);
  const db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  const started = Date.now();
  await seedCatalog(db, MODELS);
  const key = generateApiKey();
  await db.query(`INSERT INTO api_keys (name, role, hash, prefix, created_by) VALUES ('bench', 'viewer', $1, $2, 'bench')`, [
    hashApiKey(key),
    apiKeyPrefix(key),
  ]);
  const [named] = (await db.query(`SELECT namespace, name FROM models WHERE listed ORDER BY created_at DESC OFFSET 500 LIMIT 1`)).rows;
  SCENARIOS.push({ name: 'get by name', path: `/v1/models/${named.namespace}/${named.name}` });
  await db.end();
  console.log(`seeded ${MODELS.toLocaleString('en')} models with versions in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const apiPort = 3900 + Math.floor(Math.random() * 50);
  const basePort = apiPort + 50;
  const env = { ...process.env, DATABASE_URL: postgres.url, LOG_LEVEL: 'warn' };
  children.push(await startServer('apps/api/dist/main.js', { ...env, PORT: String(apiPort) }, apiPort));
  children.push(await startServer('bench/baseline-server.mjs', { ...env, PORT: String(basePort) }, basePort));
  const servers = {
    baseline: { url: `http://127.0.0.1:${basePort}`, headers: {} },
    vetted: { url: `http://127.0.0.1:${apiPort}`, headers: { authorization: `Bearer ${key}` } },
  };

  const loadBefore = loadAverage();
  const rows = [];
  for (const scenario of SCENARIOS) {
    await assertSameAnswer(servers, scenario.path);
    for (const server of Object.values(servers)) await load(server, scenario.path, 2);
    const rounds = { baseline: [], vetted: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, server] of Object.entries(servers)) rounds[name].push(await load(server, scenario.path, DURATION));
    }
    rows.push({ scenario: scenario.name, ...rounds });
    console.error(`${scenario.name}: done`);
  }
  const loadAfter = loadAverage();

  console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, ${MODELS.toLocaleString('en')} models,`);
  console.log(`${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s per server and scenario, alternating; median (range)`);
  console.log(`load average (1 / 5 / 15 min): ${loadBefore} before, ${loadAfter} after\n`);
  console.log('| scenario | baseline req/s | Vetted req/s | ratio | baseline p50 / p99 ms | Vetted p50 / p99 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const { scenario, baseline, vetted } of rows) {
    const ratio = (median(vetted.map((r) => r.rps)) / median(baseline.map((r) => r.rps))).toFixed(2);
    console.log(
      `| ${scenario} | ${medianAndRange(baseline.map((r) => r.rps))} | ${medianAndRange(vetted.map((r) => r.rps))} | ${ratio} | ${latency(baseline)} | ${latency(vetted)} |`,
    );
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
}

function latency(rounds) {
  return `${median(rounds.map((r) => r.p50))} / ${medianAndRange(rounds.map((r) => r.p99))}`;
}

/** The baseline must answer what the API answers, or the ratio compares different work. */
async function assertSameAnswer(servers, requestPath) {
  const [baseline, vetted] = await Promise.all(
    Object.values(servers).map(async ({ url, headers }) => (await fetch(`${url}${requestPath}`, { headers })).json()),
  );
  if (JSON.stringify(baseline) !== JSON.stringify(vetted)) throw new Error(`${requestPath}: the baseline answers differently`);
}

async function startServer(script, env, port) {
  const child = fork(script, [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/v1/models?limit=1`, { headers: { authorization: 'Bearer x' } })).status < 500)
        return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${script} did not start`);
}

async function load({ url, headers }, requestPath, duration) {
  const result = await autocannon({ url: `${url}${requestPath}`, headers, connections: CONNECTIONS, duration });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}${requestPath}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

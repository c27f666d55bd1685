// Catalog benchmark: 100,000 models, GET /v1/models under concurrent load (autocannon), against a
// bare Fastify + pg baseline measured in the same run on the same database. Run: npm run bench.
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startEmbeddedPostgres } from '../libs/db/dist/embedded-postgres.js';
import { prepareSchema } from '../libs/db/dist/index.js';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../libs/domain/dist/index.js';

const MODELS = Number(process.env.BENCH_MODELS ?? 100_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-'));
const postgres = await startEmbeddedPostgres({ dir, port: 54000 + Math.floor(Math.random() * 1000), database: 'bench' });
const children = [];
try {
  await prepareSchema(postgres.url);
  const db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  const started = Date.now();
  await db.query(
    `INSERT INTO models (namespace, name, description, task, library, tags, license_id, created_by, created_at, updated_at)
     SELECT 'org' || (i % 500),
            (ARRAY['llama','mistral','gemma','phi','qwen','whisper','bert','t5','sdxl','falcon'])[1 + i % 10] || '-' || i || 'b',
            'Model number ' || i || ' ' || (ARRAY['for chat','for speech recognition','for image generation','for embeddings','for code'])[1 + i % 5],
            (ARRAY['text-generation','automatic-speech-recognition','text-to-image','feature-extraction','text-classification'])[1 + i % 5],
            'transformers',
            ARRAY[(ARRAY['llama','mistral','gemma','phi','qwen'])[1 + i % 5], 'tag' || (i % 100)],
            (ARRAY['apache-2.0','mit','llama3.1','gemma','cc-by-nc-4.0'])[1 + i % 5],
            'bench', now() - make_interval(secs => i), now()
       FROM generate_series(1, $1::int) AS i`,
    [MODELS],
  );
  await db.query(
    `INSERT INTO model_versions (model_id, label, status, created_by, created_at, updated_at)
     SELECT id, '1.0', CASE WHEN random() < 0.8 THEN 'approved' ELSE 'pending_review' END::"VersionStatus", 'bench', created_at, now() FROM models`,
  );
  await db.query('ANALYZE');
  const key = generateApiKey();
  await db.query(`INSERT INTO api_keys (name, role, hash, prefix, created_by) VALUES ('bench', 'viewer', $1, $2, 'bench')`, [
    hashApiKey(key),
    apiKeyPrefix(key),
  ]);
  await db.end();
  console.log(`seeded ${MODELS} models with versions in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const apiPort = 3900 + Math.floor(Math.random() * 50);
  const basePort = apiPort + 50;
  const env = { ...process.env, DATABASE_URL: postgres.url, LOG_LEVEL: 'warn' };
  children.push(await startServer('apps/api/dist/main.js', { ...env, PORT: String(apiPort) }, apiPort));
  children.push(await startServer('bench/baseline-server.mjs', { ...env, PORT: String(basePort) }, basePort));

  const scenarios = [
    { name: 'list, first page', path: '/v1/models?limit=20' },
    { name: 'search q=llama', path: '/v1/models?limit=20&q=llama' },
    { name: 'search q=speech org12', path: '/v1/models?limit=20&q=speech%20org12' },
  ];
  const rows = [];
  for (const scenario of scenarios) {
    const baseline = await load(`http://127.0.0.1:${basePort}${scenario.path}`, {});
    const vetted = await load(`http://127.0.0.1:${apiPort}${scenario.path}`, { authorization: `Bearer ${key}` });
    rows.push({ scenario: scenario.name, baseline, vetted });
  }

  console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, ${CONNECTIONS} connections, ${DURATION} s each\n`);
  console.log('| scenario | baseline req/s | Vetted req/s | ratio | baseline p99 ms | Vetted p99 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const { scenario, baseline, vetted } of rows) {
    const ratio = (vetted.rps / baseline.rps).toFixed(2);
    console.log(`| ${scenario} | ${baseline.rps.toFixed(0)} | ${vetted.rps.toFixed(0)} | ${ratio} | ${baseline.p99} | ${vetted.p99} |`);
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
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

async function load(url, headers) {
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 }); // warm-up
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

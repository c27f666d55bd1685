import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPostgres, startEmbeddedPostgres } from '../libs/db/src/embedded-postgres.js';
import { freePort } from '../test/free-port.js';
import { startTestHub, type TestHub } from '../test/hub-server.js';
import { mlpModel } from '../test/onnx-model.js';
import { startS3Server, TEST_BUCKET, type TestS3Server } from '../test/s3-server.js';
import { ApiClient, type Json } from './support/api-client.js';
import { AppProcess } from './support/app-process.js';
import { findChildProcess } from './support/process-tree.js';
import { waitFor } from './support/wait-for.js';

const API_MAIN = fileURLToPath(new URL('../apps/api/dist/main.js', import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL('../apps/worker/dist/main.js', import.meta.url));
const MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations/', import.meta.url));
/** The advisory lock every migrator takes: Prisma's own key (libs/db/src/migrator.ts). */
const MIGRATION_LOCK = 72707369;
/** Documented: a key revoked on one API replica stops working on the others within this (README, API). */
const REVOCATION_BOUND_MS = 5_000;
/** Room for a loaded CI machine: one poll and one request past the bound. */
const REVOCATION_MARGIN_MS = 1_500;
const ADMIN_TOKEN = randomBytes(24).toString('hex');

const configJson = Buffer.from(JSON.stringify({ architectures: ['BertModel'], model_type: 'bert', vocab_size: 1000 }));
const hubRepo = (sha: string) => ({ sha, files: { 'config.json': configJson, 'model.onnx': mlpModel(16, 2) } });

/**
 * Scale-out on the engines users run: two API processes and two workers (`node apps/{api,worker}/dist/main.js`)
 * on one PostgreSQL and one S3 store (s3rver), as the README's production layout puts them.
 */
describe('two APIs and two workers on one PostgreSQL and one S3 store', { timeout: 60_000 }, () => {
  let workDir: string;
  let postgres: RunningPostgres;
  let s3: TestS3Server;
  let hub: TestHub;
  let db: pg.Client;
  let env: NodeJS.ProcessEnv;
  const apis: { process: AppProcess; url: string }[] = [];
  const workers: AppProcess[] = [];
  const admin: ApiClient[] = [];
  let publisher: ApiClient[] = [];
  let workerIndex = 0;
  const killed: { runId?: string; worker?: AppProcess; at?: number } = {};

  const startWorker = (): AppProcess => {
    workerIndex += 1;
    const worker = AppProcess.start(`worker ${workerIndex}`, WORKER_MAIN, [], {
      env: { ...env, VETTED_DATA_DIR: path.join(workDir, `worker-${workerIndex}`) },
    });
    workers.push(worker);
    return worker;
  };
  const scanned = (client: ApiClient, repo: string): Promise<Json> =>
    waitFor(`the scan of ${repo}`, async () => {
      const scan = await client.call('GET', `/v1/models/${repo}/versions/1.0/scan`);
      return scan.status === 'pending' ? undefined : scan;
    });
  /** Every job of `name` whose payload's `field` is one of `ids`, archived or not. */
  const jobsOf = async (name: string, field: string, ids: string[]) =>
    (
      await db.query<{ id: string; state: string; retry_count: number; subject: string }>(
        `SELECT id, state, retry_count, data->>$2 AS subject FROM pgboss.job WHERE name = $1 AND data->>$2 = ANY($3)
         UNION ALL SELECT id, state, retry_count, data->>$2 FROM pgboss.archive WHERE name = $1 AND data->>$2 = ANY($3)`,
        [name, field, ids],
      )
    ).rows;
  /** How many times workers logged finishing each job (JobRunner's "<name> <id> done in <n> ms"). */
  const doneCounts = (): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const worker of workers) {
      for (const [, id] of worker.log.matchAll(/\S+ ([0-9a-f-]{36}) done in \d+ ms/g)) counts.set(id!, (counts.get(id!) ?? 0) + 1);
    }
    return counts;
  };

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'vetted-scale-out-'));
    [postgres, s3, hub] = await Promise.all([
      (async () => startEmbeddedPostgres({ dir: path.join(workDir, 'postgres'), port: await freePort(), database: 'vetted' }))(),
      startS3Server(),
      startTestHub(),
    ]);
    hub.repos.set('scale-org/alpha', hubRepo('a'.repeat(40)));
    hub.repos.set('scale-org/beta', hubRepo('b'.repeat(40)));
    db = new pg.Client({ connectionString: postgres.url });
    await db.connect();
    env = {
      ...process.env,
      DATABASE_URL: postgres.url,
      S3_BUCKET: TEST_BUCKET,
      S3_ENDPOINT: s3.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      HF_HUB_URL: hub.url,
      VETTED_ADMIN_TOKEN: ADMIN_TOKEN,
      // Every replica signs approvals with the same key.
      VETTED_SIGNING_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      // Benchmarks run when the test asks: the one killed mid-run must be the only one running then.
      VETTED_BENCHMARK_AUTO: 'false',
      // The killed worker's run is taken over within 1.5 × this, not the production minute and a half.
      VETTED_WORKER_STALE_SECONDS: '6',
      LOG_LEVEL: 'info',
      NO_COLOR: '1', // plain log lines, read by the test
    };
  }, 120_000);

  afterEach(({ task }) => {
    if (task.result?.state !== 'fail') return;
    for (const app of [...apis.map((api) => api.process), ...workers]) console.error(`--- ${app.name} ---\n${app.log.slice(-4000)}`);
  });

  afterAll(async () => {
    await Promise.all([...apis.map((api) => api.process.stop()), ...workers.map((worker) => worker.stop())]);
    await db?.end();
    await postgres?.stop();
    await s3?.dispose();
    await hub?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('starts two APIs together on an empty database: one migrates, the other waits and finds nothing to do', async () => {
    // Holding the migrators' lock makes both replicas reach it before either migrates: a real race.
    await db.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    for (const index of [1, 2]) {
      const port = await freePort();
      const app = AppProcess.start(`api ${index}`, API_MAIN, [], {
        env: { ...env, PORT: String(port), HOST: '127.0.0.1', VETTED_DATA_DIR: path.join(workDir, `api-${index}`) },
      });
      apis.push({ process: app, url: `http://127.0.0.1:${port}` });
    }
    await waitFor('both APIs waiting for the migration lock', async () => {
      const { rows } = await db.query<{ waiting: number }>(
        "SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted",
        [MIGRATION_LOCK],
      );
      return rows[0]!.waiting === 2 ? true : undefined;
    });
    await db.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await Promise.all(apis.map((api) => api.process.waitUntilHealthy(api.url)));

    const migrations = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const { rows } = await db.query<{ migration_name: string; times: number }>(
      'SELECT migration_name, count(*)::int AS times FROM _prisma_migrations GROUP BY migration_name ORDER BY migration_name',
    );
    expect(rows).toEqual(migrations.sort().map((name) => ({ migration_name: name, times: 1 })));
    const applied = apis.map((api) => [...api.process.log.matchAll(/applied migration (\S+)/g)].map((match) => match[1]));
    expect(applied.flat().sort()).toEqual(migrations.sort());
    expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
    expect(apis.filter((api) => api.process.log.includes('database schema up to date'))).toHaveLength(1);

    admin.push(...apis.map((api) => new ApiClient(api.url, ADMIN_TOKEN)));
    const key = (await admin[0]!.call('POST', '/v1/keys', { name: 'scale-out publisher', role: 'publisher' })).key;
    publisher = admin.map((client) => client.as(key));
  });

  it('stores an upload made through one API in S3, and serves it through the other', async () => {
    startWorker();
    startWorker();
    const model = mlpModel(256, 4); // big enough for a benchmark of a second or more
    await publisher[0]!.call('POST', '/v1/models', { namespace: 'scale-org', name: 'uploaded', license: 'mit' });
    await publisher[0]!.call('POST', '/v1/models/scale-org/uploaded/versions', { version: '1.0' });
    await publisher[0]!.upload('/v1/models/scale-org/uploaded/versions/1.0/files/model.onnx', model);
    await publisher[1]!.call('POST', '/v1/models/scale-org/uploaded/versions/1.0/submit');
    const downloaded = await publisher[1]!.download('/v1/models/scale-org/uploaded/versions/1.0/files/model.onnx');
    expect(downloaded.equals(model)).toBe(true);
    expect((await scanned(publisher[1]!, 'scale-org/uploaded')).status).toBe('clean');
  });

  it('kills the worker running a benchmark mid-run; a replacement starts', async () => {
    const run = await publisher[0]!.call('POST', '/v1/models/scale-org/uploaded/versions/1.0/benchmarks', {
      executionProvider: 'cpu',
      batchSize: 16,
      iterations: 1000,
    });
    // The runner is a child process of the worker that claimed the run: that worker is the one to kill.
    const runner = await waitFor(
      'a benchmark runner child process',
      () =>
        Promise.resolve(
          findChildProcess(
            workers.map((worker) => worker.pid),
            'benchmark-child',
          ),
        ),
      60_000,
      20,
    );
    process.kill(runner.pid, 'SIGSTOP'); // frozen, it cannot hand its result over while its worker dies
    const worker = workers.find((candidate) => candidate.pid === runner.parent)!;
    worker.kill('SIGKILL');
    await worker.exited;
    process.kill(runner.pid, 'SIGKILL');
    Object.assign(killed, { runId: run.id, worker, at: Date.now() });
    expect((await publisher[1]!.call('GET', `/v1/benchmarks/${run.id}`)).status).toBe('running');
    startWorker(); // as a supervisor would
  });

  it('runs imports, scans and benchmarks queued through both APIs exactly once each', async () => {
    const imports = await Promise.all(
      ['alpha', 'beta'].map((name, index) => publisher[index]!.call('POST', '/v1/imports', { repo: `scale-org/${name}`, version: '1.0' })),
    );
    const ended = await Promise.all(
      imports.map((job: Json) =>
        waitFor(`import ${job.id}`, async () => {
          const current = await publisher[0]!.call('GET', `/v1/imports/${job.id}`);
          return ['queued', 'running'].includes(current.status) ? undefined : current;
        }),
      ),
    );
    expect(ended.map((job) => job.status)).toEqual(['succeeded', 'succeeded']);
    const repos = ['scale-org/alpha', 'scale-org/beta'];
    for (const [index, repo] of repos.entries()) expect((await scanned(publisher[index]!, repo)).status).toBe('clean');

    const runs: Json[] = [];
    for (const repo of repos) {
      for (const client of publisher)
        runs.push(await client.call('POST', `/v1/models/${repo}/versions/1.0/benchmarks`, { executionProvider: 'cpu' }));
    }
    const finished = await Promise.all(
      runs.map((run) =>
        waitFor(
          `benchmark ${run.id}`,
          async () => {
            const current = await publisher[1]!.call('GET', `/v1/benchmarks/${run.id}`);
            return ['queued', 'running'].includes(current.status) ? undefined : current;
          },
          120_000,
        ),
      ),
    );
    expect(finished.map((run) => run.status)).toEqual(runs.map(() => 'succeeded'));

    // Each import, scan and run: one job, completed on its first try, finished by exactly one worker.
    const importIds: string[] = ended.map((job) => job.id);
    // The imported versions' scans were queued by workers, the uploaded one's by an API.
    const versionIds = (
      await db.query<{ id: string }>("SELECT v.id FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.namespace = 'scale-org'")
    ).rows.map((row) => row.id);
    expect(versionIds).toHaveLength(3);
    const runIds: string[] = runs.map((run) => run.id);
    const jobs = [
      ...(await jobsOf('import.run', 'importId', importIds)),
      ...(await jobsOf('version.scan', 'versionId', versionIds)),
      ...(await jobsOf('benchmark.run', 'runId', runIds)),
    ];
    expect(jobs.map((job) => job.subject).sort()).toEqual([...importIds, ...versionIds, ...runIds].sort());
    expect(jobs.filter((job) => job.state !== 'completed' || job.retry_count !== 0)).toEqual([]);
    const done = doneCounts();
    expect(jobs.map((job) => done.get(job.id))).toEqual(jobs.map(() => 1));
    const { rows } = await db.query<{ attempts: number }>('SELECT attempts FROM benchmark_runs WHERE id = ANY($1)', [runIds]);
    expect(rows.map((row) => row.attempts)).toEqual(runs.map(() => 1));
    const { items: scans } = await publisher[0]!.call('GET', '/v1/events?type=version.scanned&namespace=scale-org&limit=100');
    expect(scans.map((event: Json) => event.subject.id).sort()).toEqual([
      'scale-org/alpha@1.0',
      'scale-org/beta@1.0',
      'scale-org/uploaded@1.0',
    ]);
  }, 240_000);

  it(`stops accepting a key revoked on one API on the other within ${REVOCATION_BOUND_MS / 1000} s`, async ({ annotate }) => {
    const key = await admin[0]!.call('POST', '/v1/keys', { name: 'revoked soon', role: 'viewer' });
    const [first, second] = admin.map((client) => client.as(key.key));
    expect((await second!.request('GET', '/v1/whoami')).status).toBe(200); // now cached by the second API
    await admin[0]!.call('DELETE', `/v1/keys/${key.id}`);
    const revokedAt = Date.now();
    expect((await first!.request('GET', '/v1/whoami')).status).toBe(401);
    await waitFor(
      'the second API to refuse the revoked key',
      async () => ((await second!.request('GET', '/v1/whoami')).status === 401 ? true : undefined),
      15_000,
      50,
    );
    const took = Date.now() - revokedAt;
    await annotate(`refused by the other API ${took} ms after the revocation`);
    expect(took).toBeLessThanOrEqual(REVOCATION_BOUND_MS + REVOCATION_MARGIN_MS);
  });

  it('finishes the killed worker’s benchmark on another worker once its heartbeat is stale', async ({ annotate }) => {
    const run = await waitFor(
      'the killed run to finish elsewhere',
      async () => {
        const current = await publisher[0]!.call('GET', `/v1/benchmarks/${killed.runId}`);
        return ['queued', 'running'].includes(current.status) ? undefined : current;
      },
      180_000,
      500,
    );
    await annotate(`finished ${Math.round((Date.now() - killed.at!) / 1000)} s after its worker was killed`);
    expect(run.status).toBe('succeeded');
    const { rows } = await db.query<{ attempts: number }>('SELECT attempts FROM benchmark_runs WHERE id = $1', [killed.runId]);
    expect(rows[0]!.attempts).toBe(2);
    expect(await killed.worker!.exited).toBe('SIGKILL');
  }, 240_000);
});

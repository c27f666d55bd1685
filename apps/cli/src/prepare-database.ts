import { type Config } from '@vetted/config';
import { prepareSchema } from '@vetted/db/schema';
import { type RunningPostgres, startEmbeddedPostgres } from '@vetted/db/embedded';
import path from 'node:path';
import pg from 'pg';

export interface PreparedDatabase {
  url: string;
  /** Present when Vetted started its own PostgreSQL and must stop it. */
  embedded?: RunningPostgres;
}

/** Uses DATABASE_URL, or starts the embedded PostgreSQL; then applies migrations and seeds licenses. */
export async function prepareDatabase(config: Config, log: (message: string) => void): Promise<PreparedDatabase> {
  let embedded: RunningPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    log(`starting embedded PostgreSQL (data in ${path.join(config.dataDir, 'postgres')}, port ${config.embeddedPostgresPort})`);
    embedded = await startEmbeddedPostgres({
      dir: path.join(config.dataDir, 'postgres'),
      port: config.embeddedPostgresPort,
      database: 'vetted',
      log: config.logLevel === 'debug' ? (message) => log(`postgres: ${message}`) : undefined,
    });
    url = embedded.url;
  }
  try {
    await prepareSchema(url, log);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { url, ...(embedded ? { embedded } : {}) };
}

export async function withClient<T>(url: string, work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { TEMPLATE_DATABASE } from './global-setup.js';

/** A fresh database for one test file: a copy of the migrated, seeded template. */
export async function createTestDatabase(): Promise<string> {
  const templateUrl = inject('templateDatabaseUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await onServer(templateUrl, (db) => db.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** An empty database, for tests of the migrations themselves. */
export async function createEmptyDatabase(): Promise<string> {
  const templateUrl = inject('templateDatabaseUrl');
  const name = `empty_${randomBytes(6).toString('hex')}`;
  await onServer(templateUrl, (db) => db.query(`CREATE DATABASE ${name} TEMPLATE template0`));
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(anyUrl: string, work: (db: pg.Client) => Promise<unknown>): Promise<void> {
  const url = new URL(anyUrl);
  url.pathname = '/postgres';
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await work(db);
  } finally {
    await db.end();
  }
}

import pg from 'pg';
import { migrate } from './migrator.js';
import { seedLicenses } from './seed-licenses.js';

/**
 * Brings a database up to date: pending migrations (under Prisma's advisory lock, so replicas
 * starting together are safe), then the licenses the catalog ships with. Cheap when nothing is pending.
 */
export async function prepareSchema(databaseUrl: string, log: (message: string) => void = () => undefined): Promise<void> {
  const result = await migrate(databaseUrl, log);
  if (result.applied.length === 0) log(`database schema up to date (${result.alreadyApplied} migrations)`);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const added = await seedLicenses(db);
    if (added > 0) log(`added ${added} licenses to the catalog`);
  } finally {
    await db.end();
  }
}

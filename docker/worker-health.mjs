// The worker container's health check: the worker's database and weight storage answer. The worker is the
// container's main process, so a worker that dies stops the container and compose restarts it.
// Exit code 0 when healthy; otherwise 1 and one line saying what does not answer.
import { loadConfig, requireDatabaseUrl } from '@vetted/config';
import { createBlobStore } from '@vetted/storage';
import pg from 'pg';

async function check(name, probe) {
  try {
    await probe();
  } catch (error) {
    console.error(`unhealthy: ${name} does not answer: ${error.message}`);
    process.exit(1);
  }
}

const config = loadConfig();
await check('the database', async () => {
  const db = new pg.Client({ connectionString: requireDatabaseUrl(config), connectionTimeoutMillis: 5000 });
  try {
    await db.connect();
    await db.query('SELECT 1');
  } finally {
    await db.end().catch(() => undefined);
  }
});
await check('weight storage', () => createBlobStore(config.storage).probe());
// The S3 client keeps its connections open: leave without waiting for them.
process.exit(0);

// Baseline for bench/startup.mjs: bare Fastify + pg answering /health with `SELECT 1`, no framework or ORM:
// the start-up time a Node HTTP service on this database cannot beat.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify();
app.get('/health', async () => {
  await pool.query('SELECT 1');
  return { status: 'ok' };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });

// Baseline for bench/catalog.mjs: a bare Fastify route running the catalog SQL through pg,
// with no auth, validation, ORM or framework around it: the ceiling the API is compared with.
import Fastify from 'fastify';
import pg from 'pg';
import { catalogQuery } from './catalog-sql.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify();

app.get('/v1/models', async (request) => {
  const limit = Number(request.query.limit ?? 20);
  const words =
    String(request.query.q ?? '')
      .toLowerCase()
      .match(/[\p{L}\p{N}_]+/gu) ?? [];
  const { rows } = await pool.query(catalogQuery({ words, limit }));
  const items = rows.slice(0, limit).map((row) => ({
    id: `${row.namespace}/${row.name}`,
    ...row,
    license: row.licenseId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
  return { items, nextCursor: rows.length > limit ? items.at(-1).id : null };
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');

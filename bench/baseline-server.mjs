// Baseline for bench/catalog.mjs: bare Fastify routes running, through pg, exactly the SQL the
// API sends for a viewer (built by the API's own apps/api/dist/models/catalog-query.repository.js), with no
// auth, validation, ORM or framework around it: the ceiling the API is compared with.
import Fastify from 'fastify';
import pg from 'pg';
import { catalogPageQuery, modelByNameQuery } from '../apps/api/dist/models/catalog-query.repository.js';
import { encodeModelCursor } from '../apps/api/dist/models/model-cursor.js';
import { toModelView } from '../apps/api/dist/models/model.mapper.js';
import { searchWords } from '../apps/api/dist/models/model-search.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify();

app.get('/v1/models', async (request) => {
  const { q, license, task, tag, format, commercial } = request.query;
  const limit = Number(request.query.limit ?? 20);
  const search = {
    words: searchWords(q),
    license,
    task,
    tag,
    format,
    commercialUse: commercial,
    status: 'active',
    approvedOnly: true,
    sort: 'recent',
    limit: limit + 1,
  };
  const { text, values } = catalogPageQuery(search);
  const { rows } = await pool.query(text, values);
  const shown = rows.slice(0, limit);
  return { items: shown.map(toModelView), nextCursor: rows.length > limit ? encodeModelCursor(shown.at(-1), 'recent') : null };
});

app.get('/v1/models/:namespace/:name', async (request, reply) => {
  const { text, values } = modelByNameQuery(request.params.namespace, request.params.name, true);
  const { rows } = await pool.query(text, values);
  return rows[0] ? toModelView(rows[0]) : reply.code(404).send({ code: 'model_not_found' });
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');

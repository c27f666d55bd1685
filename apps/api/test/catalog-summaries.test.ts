import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.js';

/**
 * The catalog lists models from summary columns that triggers refresh when versions, files or
 * benchmark runs change, whoever writes them (API, worker, bundle import, plain SQL).
 */
let url: string;
let db: pg.Client;

beforeAll(async () => {
  url = await createTestDatabase();
  db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query(`INSERT INTO blobs (sha256, size, storage_key) VALUES (repeat('a', 64), 1, 'a')`);
});
afterAll(() => db?.end());

interface Summary {
  listed: boolean;
  latest: string | null;
  public_parameters: string | null;
  public_size_key: string;
  public_formats: string[];
  public_best_latency_ms: number | null;
  public_best_tokens_per_second: number | null;
  all_parameters: string | null;
  all_size_key: string;
  all_formats: string[];
  all_best_latency_ms: number | null;
  all_best_tokens_per_second: number | null;
}

async function summary(model: string): Promise<Summary> {
  const { rows } = await db.query<Summary>(
    `SELECT listed, latest_approved_version AS latest, public_parameters, public_size_key, public_formats, public_best_latency_ms,
            public_best_tokens_per_second, all_parameters, all_size_key, all_formats, all_best_latency_ms, all_best_tokens_per_second
       FROM models WHERE id = $1`,
    [model],
  );
  return rows[0]!;
}

async function newModel(name: string, client: pg.Client = db): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO models (namespace, name, created_by, updated_at) VALUES ('summaries', $1, 'test', now()) RETURNING id`,
    [name],
  );
  return rows[0]!.id;
}

async function newVersion(
  model: string,
  label: string,
  status: string,
  parameters: number | null,
  client: pg.Client = db,
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO model_versions (model_id, label, status, parameters, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'test', now() + make_interval(secs => $5), now()) RETURNING id`,
    [model, label, status, parameters, Number(label.split('.')[0])],
  );
  return rows[0]!.id;
}

const addFile = (version: string, path: string, format: string, client: pg.Client = db) =>
  client.query(`INSERT INTO model_files (version_id, path, size, sha256, format) VALUES ($1, $2, 1, repeat('a', 64), $3)`, [
    version,
    path,
    format,
  ]);

const addRun = (version: string, status: string, p50: number, tokensPerSecond: number | null) =>
  db.query(
    `INSERT INTO benchmark_runs (version_id, file, status, requested_by, p50_ms, tokens_per_second) VALUES ($1, 'weights', $2, 'test', $3, $4)`,
    [version, status, p50, tokensPerSecond],
  );

const setStatus = (version: string, status: string) => db.query(`UPDATE model_versions SET status = $2 WHERE id = $1`, [version, status]);

describe('model summaries', () => {
  it('start empty, and show a draft only to publishers', async () => {
    const model = await newModel('draft-only');
    expect(await summary(model)).toMatchObject({ listed: false, latest: null, all_parameters: null, all_size_key: '-1', all_formats: [] });
    const draft = await newVersion(model, '1.0', 'draft', 7_000_000_000);
    await addFile(draft, 'model.gguf', 'gguf');
    await addFile(draft, 'README.md', 'text');
    expect(await summary(model)).toMatchObject({
      listed: false,
      public_parameters: null,
      public_size_key: '-1',
      public_formats: [],
      all_parameters: '7000000000',
      all_size_key: '7000000000',
      all_formats: ['gguf'],
    });
  });

  it('follow a version through approval, benchmarks, a newer version, deprecation and revocation', async () => {
    const model = await newModel('lifecycle');
    const first = await newVersion(model, '1.0', 'pending_review', 1_000);
    await addFile(first, 'model.onnx', 'onnx');
    await setStatus(first, 'approved');
    expect(await summary(model)).toMatchObject({ listed: true, latest: '1.0', public_parameters: '1000', public_formats: ['onnx'] });

    await addRun(first, 'succeeded', 12.5, null);
    await addRun(first, 'succeeded', 9.5, null);
    await addRun(first, 'failed', 1, null);
    await addRun(first, 'succeeded', 40, 25);
    expect(await summary(model)).toMatchObject({ public_best_latency_ms: 9.5, public_best_tokens_per_second: 25 });

    const second = await newVersion(model, '2.0', 'draft', 2_000);
    await addFile(second, 'model.safetensors', 'safetensors');
    expect(await summary(model)).toMatchObject({
      latest: '1.0',
      public_parameters: '1000',
      public_formats: ['onnx'],
      all_parameters: '1000',
      all_formats: ['onnx', 'safetensors'],
    });
    await setStatus(second, 'approved');
    expect(await summary(model)).toMatchObject({ latest: '2.0', public_parameters: '2000', public_formats: ['onnx', 'safetensors'] });

    await setStatus(second, 'deprecated');
    expect(await summary(model)).toMatchObject({ listed: true, latest: '1.0', public_parameters: '1000' });
    await setStatus(first, 'revoked');
    await setStatus(second, 'revoked');
    expect(await summary(model)).toMatchObject({
      listed: true,
      latest: null,
      public_parameters: null,
      public_formats: [],
      public_best_latency_ms: null,
      all_best_latency_ms: 9.5,
    });
  });

  it('forget what a deleted draft and a deleted file had', async () => {
    const model = await newModel('deletions');
    const draft = await newVersion(model, '1.0', 'draft', 5);
    await addFile(draft, 'a.gguf', 'gguf');
    await addFile(draft, 'b.onnx', 'onnx');
    await db.query(`DELETE FROM model_files WHERE version_id = $1 AND path = 'a.gguf'`, [draft]);
    expect((await summary(model)).all_formats).toEqual(['onnx']);
    await db.query(`DELETE FROM model_versions WHERE id = $1`, [draft]);
    expect(await summary(model)).toMatchObject({ all_parameters: null, all_formats: [] });
  });

  it('are written with the change or not at all', async () => {
    const model = await newModel('rolled-back');
    await db.query('BEGIN');
    await newVersion(model, '1.0', 'approved', 5);
    await db.query('ROLLBACK');
    expect(await summary(model)).toMatchObject({ listed: false, all_parameters: null });
  });

  it('are the facets the catalog probes for', async () => {
    const model = await newModel('facets');
    const version = await newVersion(model, '1.0', 'approved', 300);
    await addFile(version, 'model.gguf', 'gguf');
    const { rows } = await db.query<{ has: boolean; lacks: boolean }>(
      `SELECT search_vector @@ (catalog_facet('public-format', 'gguf') && catalog_facet('public-size', catalog_size_bucket(300)::text)
                                && catalog_lexeme('#listed')) AS has,
              search_vector @@ (catalog_facet('public-format', 'onnx') || catalog_facet('status', 'archived')) AS lacks
         FROM models WHERE id = $1`,
      [model],
    );
    expect(rows[0]).toEqual({ has: true, lacks: false });
  });

  it('of changes committed at the same time each include the other', async () => {
    const model = await newModel('concurrent');
    const draft = await newVersion(model, '1.0', 'draft', null);
    const [first, second] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([first.connect(), second.connect()]);
    try {
      await first.query('BEGIN');
      await addFile(draft, 'a.gguf', 'gguf', first);
      // Runs the commit-time refresh now: the first transaction holds the model's row until it commits.
      await first.query('SET CONSTRAINTS model_files_summary IMMEDIATE');
      await second.query('BEGIN');
      await addFile(draft, 'b.onnx', 'onnx', second);
      const secondCommit = second.query('COMMIT');
      await expect.poll(() => waitingForLock(second)).toBe(true);
      await first.query('COMMIT');
      await secondCommit;
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    expect((await summary(model)).all_formats).toEqual(['gguf', 'onnx']);
  });

  it('are computed for every model by the statement the migration backfills with', async () => {
    const model = await newModel('backfilled');
    await db.query(`SET session_replication_role = replica`);
    try {
      const version = await newVersion(model, '1.0', 'approved', 42);
      await addFile(version, 'model.onnx', 'onnx');
    } finally {
      await db.query(`RESET session_replication_role`);
    }
    expect((await summary(model)).listed).toBe(false);
    await db.query(`SELECT refresh_model_summaries(ARRAY(SELECT id FROM models))`);
    expect(await summary(model)).toMatchObject({ listed: true, latest: '1.0', public_parameters: '42', public_formats: ['onnx'] });
  });
});

async function waitingForLock(client: pg.Client): Promise<boolean> {
  const pid = (client as unknown as { processID: number }).processID;
  const { rows } = await db.query<{ waiting: boolean }>(`SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1`, [
    pid,
  ]);
  return rows[0]?.waiting ?? false;
}

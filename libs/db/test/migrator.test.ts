import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MigrationError, MIGRATIONS_DIR, readMigrations } from '@vetted/db';
import { createEmptyDatabase } from '../../../test/database.js';

const clients: pg.Client[] = [];
const dirs: string[] = [];

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}

/** A copy of the real migrations plus extra ones, to test what happens on the next release. */
async function migrationsWith(extra: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vetted-migrations-'));
  dirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('migrate', () => {
  it('applies every migration once and records it the way Prisma does', async () => {
    const url = await createEmptyDatabase();
    const first = await migrate(url);
    const all = await readMigrations();
    expect(first).toEqual({ applied: all.map((m) => m.name), alreadyApplied: 0 });
    expect(await migrate(url)).toEqual({ applied: [], alreadyApplied: all.length });

    const db = await connect(url);
    const { rows } = await db.query(
      'SELECT id, checksum, migration_name, finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY started_at',
    );
    expect(rows).toHaveLength(all.length);
    for (const [i, row] of rows.entries()) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, all[i]!.name, 'migration.sql'));
      expect(row).toMatchObject({
        migration_name: all[i]!.name,
        checksum: createHash('sha256').update(sql).digest('hex'),
        rolled_back_at: null,
        applied_steps_count: 1,
        logs: null,
      });
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
    }
    const { rows: columns } = await db.query(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => `${c.column_name} ${c.data_type} ${c.is_nullable}`)).toEqual([
      'id character varying NO',
      'checksum character varying NO',
      'finished_at timestamp with time zone YES',
      'migration_name character varying NO',
      'logs text YES',
      'rolled_back_at timestamp with time zone YES',
      'started_at timestamp with time zone NO',
      'applied_steps_count integer NO',
    ]);
  });

  it('lets only one of several replicas starting together apply the migrations', async () => {
    const url = await createEmptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const appliers = results.filter((r) => r.applied.length > 0);
    expect(appliers).toHaveLength(1);
    const db = await connect(url);
    const { rows } = await db.query('SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY 1');
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('applies only the new migration of a later release', async () => {
    const url = await createEmptyDatabase();
    await migrate(url);
    const dir = await migrationsWith({ '29990101000000_add_note': 'ALTER TABLE "models" ADD COLUMN "note" TEXT;' });
    expect(await migrate(url, () => undefined, dir)).toMatchObject({ applied: ['29990101000000_add_note'] });
    const db = await connect(url);
    const { rowCount } = await db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'models' AND column_name = 'note'`);
    expect(rowCount).toBe(1);
  });

  it('rolls a failing migration back completely and records nothing for it', async () => {
    const url = await createEmptyDatabase();
    await migrate(url);
    const dir = await migrationsWith({
      '29990101000000_half_good': 'CREATE TABLE "half" (id INT);\nSELECT * FROM "no_such_table";',
    });
    await expect(migrate(url, () => undefined, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(url, () => undefined, dir)).rejects.toThrow(/29990101000000_half_good failed and was rolled back/);
    const db = await connect(url);
    expect((await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half'`)).rowCount).toBe(0);
    expect((await db.query(`SELECT 1 FROM _prisma_migrations WHERE migration_name = '29990101000000_half_good'`)).rowCount).toBe(0);
  });

  it('refuses to run after a migration Prisma recorded as failed', async () => {
    const url = await createEmptyDatabase();
    await migrate(url);
    const db = await connect(url);
    await db.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, applied_steps_count) VALUES (gen_random_uuid(), 'x', '29990101000000_broken', 0)`,
    );
    await expect(migrate(url)).rejects.toThrow(/29990101000000_broken failed earlier/);
  });

  it('warns when an applied migration was edited afterwards', async () => {
    const url = await createEmptyDatabase();
    await migrate(url);
    const dir = await migrationsWith({});
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited`);
    const warnings: string[] = [];
    await migrate(url, (m) => warnings.push(m), dir);
    expect(warnings).toEqual([`warning: migration ${first!.name} was modified after it was applied`]);
  });
});

import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdminKey } from '@vetted/cli';
import { hashApiKey } from '@vetted/domain';
import { createTestDatabase } from '../../../test/database.js';

const ADMIN_TOKEN = `hf_operator_${'t'.repeat(32)}`;

describe('the first admin key of `vetted start`', () => {
  let db: pg.Client;
  beforeAll(async () => {
    db = new pg.Client({ connectionString: await createTestDatabase() });
    await db.connect();
  });
  afterAll(() => db?.end());

  const adminKeys = async () => (await db.query(`SELECT hash FROM api_keys WHERE role = 'admin'`)).rows as { hash: string }[];

  it('is neither written nor stored when VETTED_ADMIN_TOKEN is set', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vetted-cli-'));
    expect(await ensureFirstAdminKey(db, { dataDir, adminToken: ADMIN_TOKEN })).toEqual({ kind: 'token' });
    expect(await readdir(dataDir)).toEqual([]);
    expect(await adminKeys()).toEqual([]);
  });

  it('is created, readable only by the operator, when there is no admin at all; once', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vetted-cli-'));
    const first = await ensureFirstAdminKey(db, { dataDir, adminToken: undefined });
    const file = path.join(dataDir, 'admin-key');
    expect(first).toEqual({ kind: 'created', file });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const key = (await readFile(file, 'utf8')).trim();
    expect(await adminKeys()).toEqual([{ hash: hashApiKey(key) }]);
    expect(await ensureFirstAdminKey(db, { dataDir, adminToken: undefined })).toEqual({ kind: 'exists' });
    expect((await readFile(file, 'utf8')).trim()).toBe(key);
  });
});

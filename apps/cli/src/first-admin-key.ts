import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '@vetted/config';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '@vetted/domain';
import type pg from 'pg';

export type FirstAdminKey = { kind: 'token' } | { kind: 'exists' } | { kind: 'created'; file: string };

/**
 * With no admin key at all, an operator could never sign in: create one and leave it, readable
 * only by the operator, in the data directory. Only its hash goes into the database. An operator who
 * set VETTED_ADMIN_TOKEN already has a way in, and gets no key file to guard.
 */
export async function ensureFirstAdminKey(
  db: pg.ClientBase,
  { dataDir, adminToken }: Pick<Config, 'dataDir' | 'adminToken'>,
): Promise<FirstAdminKey> {
  if (adminToken) return { kind: 'token' };
  const { rowCount } = await db.query(`SELECT 1 FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL LIMIT 1`);
  if (rowCount && rowCount > 0) return { kind: 'exists' };

  const key = generateApiKey();
  const file = path.join(dataDir, 'admin-key');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO api_keys (name, role, hash, prefix, created_by) VALUES ('first admin', 'admin', $1, $2, 'system') RETURNING id`,
    [hashApiKey(key), apiKeyPrefix(key)],
  );
  await db.query(
    `INSERT INTO audit_events (actor, action, subject_type, subject_id, data) VALUES ('system', 'api_key.created', 'api_key', $1, $2)`,
    [rows[0]?.id, JSON.stringify({ name: 'first admin', role: 'admin', file })],
  );
  return { kind: 'created', file };
}

export const adminKeyFile = (dataDir: string): string | undefined => {
  const file = path.join(dataDir, 'admin-key');
  return existsSync(file) ? file : undefined;
};

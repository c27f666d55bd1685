import { LICENSE_CATALOG } from '@vetted/licenses';
import type pg from 'pg';

/** Adds catalog licenses that are missing; never overwrites a row an admin may have edited. */
export async function seedLicenses(db: pg.ClientBase): Promise<number> {
  let added = 0;
  for (const license of LICENSE_CATALOG) {
    const result = await db.query(
      // The license text's own address is where the seeded terms were read.
      `INSERT INTO licenses (id, spdx_id, name, url, terms, source_url, updated_at)
       VALUES ($1, $2, $3, $4, $5, $4, now()) ON CONFLICT (id) DO NOTHING`,
      [license.id, license.spdxId, license.name, license.url, JSON.stringify(license.terms)],
    );
    added += result.rowCount ?? 0;
  }
  return added;
}

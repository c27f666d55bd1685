import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../libs/db/src/embedded-postgres.js';
import { prepareSchema } from '../libs/db/src/index.js';
import { freePort } from './free-port.js';

export const TEMPLATE_DATABASE = 'vetted_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the template database: migrated and seeded once per test run. */
    templateDatabaseUrl: string;
  }
}

/** One real PostgreSQL for the whole run; each test file clones the template database. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Under the system temp directory: PostgreSQL (run as `postgres` when we are root) must reach it.
  const dir = await mkdtemp(path.join(tmpdir(), 'vetted-test-postgres-'));
  const postgres = await startEmbeddedPostgres({ dir, port: await freePort(), database: TEMPLATE_DATABASE });
  await prepareSchema(postgres.url);
  project.provide('templateDatabaseUrl', postgres.url);
  return async () => {
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

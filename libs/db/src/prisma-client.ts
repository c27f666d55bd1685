import { setFlagsFromString } from 'node:v8';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { AdmittingPool } from './admitting-pool.js';
import { PrismaClient } from './generated/prisma/client.js';

/**
 * A database that drops packets instead of refusing them must not hang requests forever: a connection
 * that cannot be made in this time fails, and the API answers 503.
 */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A node-postgres pool for a Prisma client (no native engine: works offline). With `admit`, each query asks it,
 * as it gets its connection, whether it should still run (see AdmittingPool).
 */
export function createDatabasePool(databaseUrl: string, poolSize = 10, admit?: () => void): pg.Pool {
  const config = { connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true };
  return admit ? new AdmittingPool(config, admit) : new pg.Pool(config);
}

/** Options for a Prisma client over this pool, which the client closes when it disconnects. */
export function prismaOptions(pool: pg.Pool): { adapter: PrismaPg } {
  return { adapter: new PrismaPg(pool, { disposeExternalPool: true }) };
}

export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  return new PrismaClient(prismaOptions(createDatabasePool(databaseUrl, poolSize)));
}

/**
 * Call at process start, before the first query. Prisma's query compiler is WebAssembly: V8 compiles it with its
 * baseline tier, then again with its optimising one, for about 50 MiB more resident memory per process and no
 * gain we could measure, since Prisma caches each query's plan (bench/startup.mjs). Applies to all WebAssembly
 * this process compiles afterwards (its own only: child processes do not inherit it).
 */
export function compileWasmBaselineOnly(): void {
  setFlagsFromString('--liftoff-only');
}

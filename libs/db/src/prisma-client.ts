import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

/**
 * A database that drops packets instead of refusing them must not hang requests forever: a connection
 * that cannot be made in this time fails, and the API answers 503.
 */
const CONNECT_TIMEOUT_MS = 10_000;

/** Options for a Prisma client over node-postgres (no native engine: works offline). */
export function prismaOptions(databaseUrl: string, poolSize = 10): { adapter: PrismaPg } {
  return {
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true }),
  };
}

export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  return new PrismaClient(prismaOptions(databaseUrl, poolSize));
}

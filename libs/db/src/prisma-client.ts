import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

/** Options for a Prisma client over node-postgres (no native engine: works offline). */
export function prismaOptions(databaseUrl: string, poolSize = 10): { adapter: PrismaPg } {
  return { adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) };
}

export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  return new PrismaClient(prismaOptions(databaseUrl, poolSize));
}

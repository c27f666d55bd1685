export * from './migrator.js';
export * from './prisma-client.js';
export { Prisma, PrismaClient } from './generated/prisma/client.js';
export type * from './generated/prisma/client.js';
export * from './generated/prisma/enums.js';
export * from './prepare-schema.js';
export * from './seed-licenses.js';
export * from './blob-records.js';
export * from './raw-rows.js';

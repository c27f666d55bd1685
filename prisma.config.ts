// Read by the Prisma CLI on machines that have it fully installed (`prisma migrate status`);
// Vetted itself applies the migrations (libs/db/src/migrator.ts).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});

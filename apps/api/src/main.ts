import { Logger } from '@nestjs/common';
import { loadConfig, requireDatabaseUrl } from '@vetted/config';
import { compileWasmBaselineOnly, prepareSchema } from '@vetted/db';
import { verifyStoreAtStart } from '@vetted/storage';
import { createApiApp } from './app.js';

compileWasmBaselineOnly();
const logger = new Logger('api');
const config = loadConfig();
await verifyStoreAtStart(config);
const databaseUrl = requireDatabaseUrl(config);
// Under `vetted start` the CLI has just migrated this database and says so (apps/cli/src/start.ts). Otherwise
// every replica does it: the migrator's advisory lock lets one migrate and the rest wait.
if (process.env.VETTED_SCHEMA_PREPARED_FOR !== databaseUrl) await prepareSchema(databaseUrl, (message) => logger.log(message));
const app = await createApiApp(config);
app.enableShutdownHooks();
await app.listen({ port: config.port, host: config.host });
logger.log(`Vetted API listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (docs at /docs)`);

import { Logger } from '@nestjs/common';
import { loadConfig, requireDatabaseUrl } from '@vetted/config';
import { compileWasmBaselineOnly, prepareSchema } from '@vetted/db';
import { verifyStoreAtStart } from '@vetted/storage';
import { createApiApp } from './app.js';

compileWasmBaselineOnly();
const logger = new Logger('api');
const config = loadConfig();
await verifyStoreAtStart(config);
// Every replica may do this: the migrator's advisory lock lets one migrate and the rest wait.
await prepareSchema(requireDatabaseUrl(config), (message) => logger.log(message));
const app = await createApiApp(config);
app.enableShutdownHooks();
await app.listen({ port: config.port, host: config.host });
logger.log(`Vetted API listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (docs at /docs)`);

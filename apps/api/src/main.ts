import { Logger } from '@nestjs/common';
import { loadConfig } from '@vetted/config';
import { createApiApp } from './app.js';

const config = loadConfig();
const app = await createApiApp(config);
app.enableShutdownHooks();
await app.listen({ port: config.port, host: config.host });
new Logger('api').log(
  `Vetted API listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (docs at /docs)`,
);

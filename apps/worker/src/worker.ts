import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Config, logLevelsFor } from '@vetted/config';
import { WorkerModule } from './worker.module.js';

/** The worker: a Nest application context with no HTTP server, consuming the job queue. */
export async function createWorker(config: Config): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), {
    logger: logLevelsFor(config.logLevel),
  });
  app.enableShutdownHooks();
  return app;
}

import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { type Config, requireDatabaseUrl } from '@vetted/config';
import { createPrismaClient, PrismaClient } from '@vetted/db';
import { JobRunner } from './job-runner.service.js';
import { ModelCreatedHandler } from './model-created.handler.js';
import { CONFIG } from './tokens.js';

@Module({})
export class WorkerModule {
  static forConfig(config: Config): DynamicModule {
    return {
      module: WorkerModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: PrismaClient, useFactory: () => createPrismaClient(requireDatabaseUrl(config), 4) },
        JobRunner,
        ModelCreatedHandler,
      ],
    };
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { type Config, requireDatabaseUrl } from '@vetted/config';
import { createPrismaClient, PrismaClient } from '@vetted/db';
import { HubClient } from '@vetted/hub';
import { JobQueue } from '@vetted/queue';
import { createBlobStore } from '@vetted/storage';
import { ImportHandler } from './imports/import.handler.js';
import { ImportRepository } from './imports/import.repository.js';
import { Importer } from './imports/importer.js';
import { LIVENESS, livenessFor } from './infra/liveness.js';
import { Transactions } from './infra/transactions.js';
import { JobRunner } from './job-runner.service.js';
import { ModelCreatedHandler } from './model-created.handler.js';
import { ModelCreatedRepository } from './model-created.repository.js';
import { BenchmarkExecutor } from './benchmarks/benchmark-executor.js';
import { BundleExporter } from './bundles/bundle-exporter.js';
import { ExportHandler } from './bundles/export.handler.js';
import { ExportRepository } from './bundles/export.repository.js';
import { ExportSweeper } from './bundles/export-sweeper.js';
import { BenchmarkRunRepository } from './benchmarks/benchmark-run.repository.js';
import { BenchmarkRecovery } from './benchmarks/benchmark-recovery.js';
import { BenchmarkHandler } from './benchmarks/benchmark.handler.js';
import { ScanHandler } from './scans/scan.handler.js';
import { ScanRecovery } from './scans/scan-recovery.js';
import { ScanRepository } from './scans/scan.repository.js';
import { VersionScanner } from './scans/version-scanner.js';
import { BLOB_STORE, CONFIG } from './tokens.js';
import { WebhookDeliverer } from './webhooks/webhook-deliverer.js';
import { WebhookDeliveryRepository } from './webhooks/webhook-delivery.repository.js';
import { WebhookDispatchRepository } from './webhooks/webhook-dispatch.repository.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { WebhookLoop } from './webhooks/webhook-loop.js';

@Module({})
export class WorkerModule {
  static forConfig(config: Config): DynamicModule {
    return {
      module: WorkerModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: LIVENESS, useValue: livenessFor(config.workerStaleAfterMs) },
        { provide: PrismaClient, useFactory: () => createPrismaClient(requireDatabaseUrl(config), 4) },
        { provide: BLOB_STORE, useFactory: () => createBlobStore(config.storage) },
        {
          provide: JobQueue,
          useFactory: () => new JobQueue({ databaseUrl: requireDatabaseUrl(config), supervise: true, applicationName: 'vetted-worker' }),
        },
        { provide: HubClient, useFactory: () => new HubClient({ hubUrl: config.hubUrl, token: config.hubToken }) },
        Transactions,
        JobRunner,
        ModelCreatedRepository,
        ModelCreatedHandler,
        ImportRepository,
        Importer,
        ImportHandler,
        ScanRepository,
        VersionScanner,
        ScanHandler,
        ScanRecovery,
        BenchmarkExecutor,
        BenchmarkRunRepository,
        BenchmarkHandler,
        BenchmarkRecovery,
        ExportRepository,
        BundleExporter,
        ExportHandler,
        ExportSweeper,
        WebhookDispatchRepository,
        WebhookDispatcher,
        WebhookDeliveryRepository,
        WebhookDeliverer,
        WebhookLoop,
      ],
    };
  }
}

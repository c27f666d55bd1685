import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { Config } from '@vetted/config';
import { AuditController } from './audit/audit.controller.js';
import { AuditRepository } from './audit/audit.repository.js';
import { ActorDirectory } from './auth/actor-directory.js';
import { ActorRepository } from './auth/actor.repository.js';
import { ApiKeyRepository } from './auth/api-key.repository.js';
import { ApiKeyService } from './auth/api-key.service.js';
import { AuthGuard } from './auth/auth.guard.js';
import { RateLimiter } from './auth/rate-limiter.js';
import { KeysController } from './auth/keys.controller.js';
import { PersonalKeyService } from './auth/personal-key.service.js';
import { PersonalKeysController } from './auth/personal-keys.controller.js';
import { AuthSessionController } from './oidc/auth-session.controller.js';
import { AuthSessionService } from './oidc/auth-session.service.js';
import { BrowserSessionService } from './oidc/browser-session.service.js';
import { IdentityProvider } from './oidc/identity-provider.js';
import { OidcController } from './oidc/oidc.controller.js';
import { OidcSignInService } from './oidc/oidc-sign-in.service.js';
import { SessionRepository } from './oidc/session.repository.js';
import { SignInFlowRepository } from './oidc/sign-in-flow.repository.js';
import { UserRepository } from './oidc/user.repository.js';
import { UsersController } from './oidc/users.controller.js';
import { BlobIntegrityController } from './files/blob-integrity.controller.js';
import { FileSender } from './files/file-sender.js';
import { FileRepository } from './files/file.repository.js';
import { BlobCollector } from './files/blob-collector.js';
import { FileService } from './files/file.service.js';
import { FilesController } from './files/files.controller.js';
import { StaleUploadSweeper } from './files/stale-upload-sweeper.js';
import { EventStreams } from './events/event-streams.js';
import { EventRepository } from './events/event.repository.js';
import { EventService } from './events/event.service.js';
import { EventsController } from './events/events.controller.js';
import { HealthController } from './health/health.controller.js';
import { HealthRepository } from './health/health.repository.js';
import { ImportRepository } from './imports/import.repository.js';
import { ImportService } from './imports/import.service.js';
import { ImportsController } from './imports/imports.controller.js';
import { HfController } from './hf/hf.controller.js';
import { HfRepository } from './hf/hf.repository.js';
import { HfService } from './hf/hf.service.js';
import { ProblemFilter } from './http/problem.filter.js';
import { blobStoreProvider } from './infra/blob-store.provider.js';
import { CONFIG } from './infra/config.provider.js';
import { PrismaService } from './infra/prisma.service.js';
import { QueueService } from './infra/queue.service.js';
import { Transactions } from './infra/transactions.js';
import { LicenseCheckController } from './licenses/license-check.controller.js';
import { LicenseRepository } from './licenses/license.repository.js';
import { PolicyController } from './policy/policy.controller.js';
import { PolicyRepository } from './policy/policy.repository.js';
import { PolicyService } from './policy/policy.service.js';
import { BenchmarkRepository } from './benchmarks/benchmark.repository.js';
import { BenchmarkService } from './benchmarks/benchmark.service.js';
import { BenchmarksController } from './benchmarks/benchmarks.controller.js';
import { ScanRepository } from './scans/scan.repository.js';
import { ScanService } from './scans/scan.service.js';
import { ScansController } from './scans/scans.controller.js';
import { EvidenceRepository } from './reviews/evidence.repository.js';
import { ReviewRepository } from './reviews/review.repository.js';
import { ReviewService } from './reviews/review.service.js';
import { ReviewsController } from './reviews/reviews.controller.js';
import { LicensesController } from './licenses/licenses.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { MetricsService } from './metrics/metrics.service.js';
import { ModelRepository } from './models/model.repository.js';
import { ModelService } from './models/model.service.js';
import { ModelsController } from './models/models.controller.js';
import { VersionRepository } from './models/version.repository.js';
import { VersionHistoryRepository } from './models/version-history.repository.js';
import { VersionHistoryService } from './models/version-history.service.js';
import { VersionService } from './models/version.service.js';
import { WebhookDeliveryService } from './webhooks/webhook-delivery.service.js';
import { WebhookRepository } from './webhooks/webhook.repository.js';
import { WebhookService } from './webhooks/webhook.service.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';
import { SignatureRepository } from './signing/signature.repository.js';
import { signingKeyProvider } from './signing/signing-key.provider.js';
import { SigningController } from './signing/signing.controller.js';
import { SigningService } from './signing/signing.service.js';
import { VersionSigner } from './signing/version-signer.js';
import { BundleExportService } from './bundles/bundle-export.service.js';
import { BundleImportService } from './bundles/bundle-import.service.js';
import { BundleRepository } from './bundles/bundle.repository.js';
import { BundlesController } from './bundles/bundles.controller.js';

@Module({})
export class AppModule {
  static forConfig(config: Config): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        EventsController,
        HealthController,
        MetricsController,
        KeysController,
        PersonalKeysController,
        AuthSessionController,
        OidcController,
        UsersController,
        ModelsController,
        FilesController,
        BlobIntegrityController,
        LicensesController,
        AuditController,
        HfController,
        ImportsController,
        ReviewsController,
        LicenseCheckController,
        PolicyController,
        ScansController,
        BenchmarksController,
        WebhooksController,
        SigningController,
        BundlesController,
      ],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        PrismaService,
        Transactions,
        HealthRepository,
        QueueService,
        MetricsService,
        AuditRepository,
        ApiKeyRepository,
        ApiKeyService,
        PersonalKeyService,
        IdentityProvider,
        SignInFlowRepository,
        SessionRepository,
        UserRepository,
        BrowserSessionService,
        OidcSignInService,
        AuthSessionService,
        ActorRepository,
        ActorDirectory,
        EventRepository,
        EventService,
        EventStreams,
        LicenseRepository,
        ModelRepository,
        ModelService,
        VersionRepository,
        VersionService,
        VersionHistoryRepository,
        VersionHistoryService,
        blobStoreProvider,
        FileRepository,
        FileService,
        BlobCollector,
        FileSender,
        StaleUploadSweeper,
        HfRepository,
        HfService,
        ImportRepository,
        ImportService,
        ReviewRepository,
        ReviewService,
        EvidenceRepository,
        PolicyRepository,
        PolicyService,
        ScanRepository,
        ScanService,
        BenchmarkRepository,
        BenchmarkService,
        WebhookRepository,
        WebhookService,
        WebhookDeliveryService,
        signingKeyProvider,
        SignatureRepository,
        VersionSigner,
        BundleRepository,
        BundleExportService,
        BundleImportService,
        SigningService,
        { provide: RateLimiter, inject: [CONFIG], useFactory: (config: Config) => new RateLimiter(config) },
      ],
    };
  }
}

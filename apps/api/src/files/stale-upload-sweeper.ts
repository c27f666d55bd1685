import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { BlobStore } from '@vetted/storage';
import { BLOB_STORE } from '../infra/blob-store.provider.js';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Removes what writes killed mid-upload (kill -9, out of memory, power loss) left in the store: at start,
 * then every hour. The store only offers uploads past its staleness bound, so replicas sharing it are safe.
 */
@Injectable()
export class StaleUploadSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StaleUploadSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> = Promise.resolve();

  constructor(@Inject(BLOB_STORE) private readonly store: BlobStore) {}

  /** Not awaited: a slow or unreachable store must not hold up the start. */
  onApplicationBootstrap(): void {
    this.sweeping = this.sweep();
    this.timer = setInterval(() => {
      this.sweeping = this.sweep();
    }, SWEEP_EVERY_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  private async sweep(): Promise<void> {
    try {
      const removed = await this.store.removeStaleUploads();
      if (removed.count === null) this.logger.log('the blob store cannot list abandoned uploads: none removed');
      else if (removed.count > 0) this.logger.log(`removed ${removed.count} stale uploads (${removed.bytes ?? 'unknown'} bytes)`);
    } catch (error) {
      this.logger.warn(`stale uploads not removed, trying again in an hour: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

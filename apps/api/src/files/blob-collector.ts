import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BlobStore } from '@vetted/storage';
import { BLOB_STORE } from '../infra/blob-store.provider.js';
import { FileRepository } from './file.repository.js';

/** Deletes stored objects nothing refers to any more: replaced files, deleted files and drafts, duplicate uploads. */
@Injectable()
export class BlobCollector {
  private readonly logger = new Logger(BlobCollector.name);

  constructor(
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    private readonly files: FileRepository,
  ) {}

  /** Deletes a blob no file uses any more; a concurrent upload that reuses it wins. */
  async collect(sha256: string): Promise<void> {
    try {
      const key = await this.files.deleteBlobIfUnused(sha256);
      if (key) await this.discard(key);
    } catch (error) {
      this.logger.log(`blob ${sha256} kept: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Deletes an object that was written but is not (or no longer) recorded. */
  async discard(key: string): Promise<void> {
    await this.store.delete(key).catch((error: unknown) => this.logger.warn(`could not delete unused object ${key}: ${String(error)}`));
  }
}

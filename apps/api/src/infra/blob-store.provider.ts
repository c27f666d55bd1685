import type { Provider } from '@nestjs/common';
import { createBlobStore } from '@vetted/storage';
import { CONFIG, type Config } from './config.provider.js';

/** Injection token for the configured BlobStore (disk by default, S3 when S3_BUCKET is set). */
export const BLOB_STORE = Symbol('BLOB_STORE');

export const blobStoreProvider: Provider = {
  provide: BLOB_STORE,
  inject: [CONFIG],
  useFactory: (config: Config) => createBlobStore(config.storage),
};

import type { Provider } from '@nestjs/common';
import type { StorageConfig } from '@vetted/config';
import { type BlobStore, DiskBlobStore, S3BlobStore } from '@vetted/storage';
import { CONFIG, type Config } from './config.provider.js';

/** Injection token for the configured BlobStore (disk by default, S3 when S3_BUCKET is set). */
export const BLOB_STORE = Symbol('BLOB_STORE');

export function createBlobStore(storage: StorageConfig): BlobStore {
  return storage.kind === 'disk' ? new DiskBlobStore(storage.root) : new S3BlobStore(storage);
}

export const blobStoreProvider: Provider = {
  provide: BLOB_STORE,
  inject: [CONFIG],
  useFactory: (config: Config) => createBlobStore(config.storage),
};

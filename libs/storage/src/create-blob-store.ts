import type { StorageConfig } from '@vetted/config';
import type { BlobStore } from './blob-store.js';
import { DiskBlobStore } from './disk-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

export function createBlobStore(storage: StorageConfig): BlobStore {
  return storage.kind === 'disk' ? new DiskBlobStore(storage.root) : new S3BlobStore(storage);
}

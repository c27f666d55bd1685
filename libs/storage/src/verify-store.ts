import type { StorageConfig } from '@vetted/config';

/**
 * Proves before a process starts that its store settings work (see verifyS3Store). A disk store needs no
 * check: its directory is created on first write. The S3 check, and the AWS SDK with it, is loaded only
 * where S3 is configured, so processes on the disk store start without it (bench/startup.mjs).
 */
export async function verifyStore(storage: StorageConfig, timeoutMs: number): Promise<void> {
  if (storage.kind === 'disk') return;
  const { verifyS3Store } = await import('./verify-s3-store.js');
  await verifyS3Store(storage, timeoutMs);
}

import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ConfigError, type StorageConfig } from '@vetted/config';
import { describeStoreFailure, type S3Settings, type StoreCheckStep } from './verify-store-failure.js';

/** Outside `blobs/` and `artifacts/`: no listing of stored objects ever sees the check's object. */
const CHECK_PREFIX = 'start-checks/';

/** The S3 settings do not work; the message names the setting to fix, in one line. */
export class StoreSettingsError extends ConfigError {}

/**
 * Proves before a process starts that its S3 settings work: the bucket answers a listing, and a tiny object
 * can be written and deleted — what every upload, download and clean-up needs. The whole check shares one
 * deadline, so an endpoint that accepts connections but never answers fails within `timeoutMs`.
 * A disk store needs no check: its directory is created on first write.
 */
export async function verifyStore(storage: StorageConfig, timeoutMs: number): Promise<void> {
  if (storage.kind === 'disk') return;
  const client = new S3Client({
    region: storage.region,
    endpoint: storage.endpoint,
    forcePathStyle: storage.forcePathStyle,
    credentials: storage.credentials,
  });
  const deadline = AbortSignal.timeout(timeoutMs);
  const key = `${CHECK_PREFIX}${randomUUID()}`;
  let step: StoreCheckStep = 'list';
  try {
    await client.send(new ListObjectsV2Command({ Bucket: storage.bucket, Prefix: CHECK_PREFIX, MaxKeys: 1 }), { abortSignal: deadline });
    step = 'write';
    await client.send(new PutObjectCommand({ Bucket: storage.bucket, Key: key, Body: 'vetted start-up check' }), {
      abortSignal: deadline,
    });
    step = 'delete';
    await client.send(new DeleteObjectCommand({ Bucket: storage.bucket, Key: key }), { abortSignal: deadline });
  } catch (error) {
    const settings: S3Settings = { ...storage, timeoutMs };
    throw new StoreSettingsError(`Invalid configuration: ${describeStoreFailure(error, step, settings, deadline.aborted)}`);
  } finally {
    client.destroy();
  }
}

import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { StoreSettingsError } from './store-settings-error.js';
import { describeStoreFailure, type S3Settings, type S3StorageConfig, type StoreCheckStep } from './verify-store-failure.js';

/** Outside `blobs/` and `artifacts/`: no listing of stored objects ever sees the check's object. */
const CHECK_PREFIX = 'start-checks/';

/**
 * Proves before a process starts that its S3 settings work: the bucket answers a listing, and a tiny object
 * can be written and deleted — what every upload, download and clean-up needs. The whole check shares one
 * deadline, so an endpoint that accepts connections but never answers fails within `timeoutMs`.
 */
export async function verifyS3Store(storage: S3StorageConfig, timeoutMs: number): Promise<void> {
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

import { S3ServiceException } from '@aws-sdk/client-s3';
import type { StorageConfig } from '@vetted/config';

export type S3StorageConfig = Extract<StorageConfig, { kind: 's3' }>;
export type S3Settings = S3StorageConfig & { timeoutMs: number };
export type StoreCheckStep = 'list' | 'write' | 'delete';

/** Errors of the network itself: the endpoint's host or port is wrong, or the store is down. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'ETIMEDOUT']);

/** What a failed start-up check means, as `SETTING: what is wrong`: the one setting to look at first. */
export function describeStoreFailure(error: unknown, step: StoreCheckStep, settings: S3Settings, timedOut: boolean): string {
  const store = settings.endpoint ?? `AWS S3 in region ${settings.region}`;
  const bucket = `bucket "${settings.bucket}"`;
  const key = `access key "${settings.credentials?.accessKeyId ?? '(from the AWS default chain)'}"`;
  if (timedOut) {
    return `S3_ENDPOINT: ${store} did not answer within ${settings.timeoutMs / 1000} s (S3_CHECK_TIMEOUT_SECONDS)`;
  }
  if (error instanceof S3ServiceException) {
    switch (error.name) {
      case 'NoSuchBucket':
        return `S3_BUCKET: ${bucket} does not exist at ${store}`;
      case 'InvalidAccessKeyId':
        return `S3_ACCESS_KEY_ID: ${store} does not know ${key}`;
      case 'SignatureDoesNotMatch':
        return `S3_SECRET_ACCESS_KEY: ${store} refused the signature: the secret does not belong to ${key}`;
      case 'AccessDenied':
        return `S3_ACCESS_KEY_ID: ${key} may not ${step} objects in ${bucket} at ${store} (AccessDenied)`;
      case 'PermanentRedirect':
      case 'AuthorizationHeaderMalformed':
        return `S3_REGION: ${bucket} is not in region "${settings.region}" at ${store} (${error.name})`;
      case 'InvalidBucketName':
        return `S3_BUCKET: "${settings.bucket}" is not a valid bucket name at ${store}`;
    }
    const status = error.$metadata.httpStatusCode;
    return `S3_ENDPOINT: ${store} failed the start-up check (${step}): ${error.name}${status ? ` (HTTP ${status})` : ''}: ${oneLine(error.message)}`;
  }
  if (error instanceof Error && error.name === 'CredentialsProviderError') {
    return `S3_ACCESS_KEY_ID: not set, and the AWS default chain found no credentials (${oneLine(error.message)})`;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && UNREACHABLE.has(code)) return `S3_ENDPOINT: ${store} cannot be reached (${code})`;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `S3_ENDPOINT: ${store} failed the start-up check (${step}): ${oneLine(reason)}`;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim().slice(0, 300);

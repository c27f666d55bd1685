import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type MultipartUpload,
  NoSuchKey,
  NotFound,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  ARTIFACT_PREFIX,
  artifactKey,
  type BlobKey,
  type BlobStore,
  BlobStoreUnavailableError,
  BlobTooLargeError,
  type ByteRange,
  ChecksumMismatchError,
  IncompleteBodyError,
  type StaleUploads,
  type StoredArtifact,
  type WriteOptions,
  type WrittenBlob,
} from './blob-store.js';
import { HashingStream } from './hashing-stream.js';
import type { S3BlobStoreOptions } from './s3-blob-store.js';

const PREFIX = 'blobs/';
const PROBE_TIMEOUT_MS = 5000;
const STALE_UPLOAD_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Blobs as objects under `blobs/<uuid>` in any S3-compatible store. Bodies go up as multipart uploads
 * (aborted on failure, so nothing partial appears); the digest is computed here, since S3 gives no
 * full-object sha256 for multipart uploads, and an object whose digest does not check out is deleted.
 * Reached through S3BlobStore, which loads this module (and the AWS SDK) only where S3 is configured.
 */
export class S3SdkBlobStore implements BlobStore {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly options: S3BlobStoreOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      maxAttempts: 3,
    });
  }

  async write(source: Readable, options: WriteOptions): Promise<WrittenBlob> {
    const key = `${PREFIX}${randomUUID()}`;
    const hasher = new HashingStream(options);
    const body = new PassThrough();
    const upload = this.multipartUpload(key, body, 'application/octet-stream');
    const uploaded = upload.done();
    try {
      await Promise.all([pipeline(source, hasher, body), uploaded]);
    } catch (error) {
      body.destroy();
      await upload.abort().catch(() => undefined);
      await uploaded.catch(() => undefined);
      await this.delete(key).catch(() => undefined);
      throw unavailableOr(error);
    }
    return { key, ...hasher.result() };
  }

  private multipartUpload(key: string, body: PassThrough, contentType: string): Upload {
    return new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: key, Body: body, ContentType: contentType },
      partSize: this.options.partSize ?? 8 * 1024 * 1024,
      queueSize: 4,
      leavePartsOnError: false,
    });
  }

  /** A multipart upload of unknown length; a killed one is a stale upload (swept like a blob's). */
  async putArtifact(name: string, source: Readable): Promise<StoredArtifact> {
    const key = artifactKey(name);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(null, chunk);
      },
    });
    const body = new PassThrough();
    const upload = this.multipartUpload(key, body, 'application/x-tar');
    // The source's own failure (the producer of the body gave up) is the caller's to judge, not a storage outage.
    let sourceError: Error | undefined;
    source.once('error', (error: Error) => (sourceError = error));
    const uploaded = upload.done();
    try {
      await Promise.all([pipeline(source, counter, body), uploaded]);
    } catch (error) {
      body.destroy();
      await upload.abort().catch(() => undefined);
      await uploaded.catch(() => undefined);
      throw sourceError ?? unavailableOr(error);
    }
    return { key, size };
  }

  async read(key: BlobKey, range?: ByteRange): Promise<Readable> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
      );
      return object.Body as Readable;
    } catch (error) {
      throw unavailableOr(error);
    }
  }

  async size(key: BlobKey): Promise<number | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return head.ContentLength;
    } catch (error) {
      if (error instanceof NotFound || error instanceof NoSuchKey) return undefined;
      throw unavailableOr(error);
    }
  }

  async delete(key: BlobKey): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
    } catch (error) {
      throw unavailableOr(error);
    }
  }

  async *keys(): AsyncIterable<BlobKey> {
    let token: string | undefined;
    do {
      const page = await this.client
        .send(new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: PREFIX, ContinuationToken: token }))
        .catch((error: unknown) => Promise.reject(unavailableOr(error)));
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
      token = page.NextContinuationToken;
    } while (token);
  }

  async probe(): Promise<void> {
    try {
      // A store that accepts connections but never answers must not hang a health check.
      await this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }), {
        abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message || error.name : String(error);
      throw new BlobStoreUnavailableError(`Bucket ${this.options.bucket} cannot be reached: ${reason}`);
    }
  }

  async staleUploads(): Promise<StaleUploads> {
    const uploads = await this.staleMultipartUploads();
    return { count: uploads?.length ?? null, bytes: null };
  }

  async removeStaleUploads(): Promise<StaleUploads> {
    const uploads = await this.staleMultipartUploads();
    for (const upload of uploads ?? []) {
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.options.bucket, Key: upload.Key, UploadId: upload.UploadId }))
        .catch((error: unknown) => Promise.reject(unavailableOr(error)));
    }
    return { count: uploads?.length ?? null, bytes: null };
  }

  /**
   * Multipart uploads under this store's prefixes (blobs and artifacts) started longer ago than the stale bound; undefined when
   * the server cannot list them (s3rver answers NotImplemented): "none found" would be a claim we cannot make.
   */
  private async staleMultipartUploads(): Promise<MultipartUpload[] | undefined> {
    const stale: MultipartUpload[] = [];
    for (const prefix of [PREFIX, ARTIFACT_PREFIX]) {
      const found = await this.staleMultipartUploadsUnder(prefix);
      if (!found) return undefined;
      stale.push(...found);
    }
    return stale;
  }

  private async staleMultipartUploadsUnder(prefix: string): Promise<MultipartUpload[] | undefined> {
    const startedBefore = Date.now() - (this.options.staleUploadAfterMs ?? STALE_UPLOAD_AFTER_MS);
    const stale: MultipartUpload[] = [];
    let markers: { KeyMarker?: string | undefined; UploadIdMarker?: string | undefined } = {};
    do {
      let page;
      try {
        page = await this.client.send(new ListMultipartUploadsCommand({ Bucket: this.options.bucket, Prefix: prefix, ...markers }));
      } catch (error) {
        if (error instanceof S3ServiceException && error.name === 'NotImplemented') return undefined;
        throw unavailableOr(error);
      }
      for (const upload of page.Uploads ?? []) {
        if (upload.Key && upload.UploadId && upload.Initiated && upload.Initiated.getTime() < startedBefore) stale.push(upload);
      }
      markers = page.IsTruncated ? { KeyMarker: page.NextKeyMarker, UploadIdMarker: page.NextUploadIdMarker } : {};
    } while (markers.KeyMarker);
    return stale;
  }

  presignGet(key: BlobKey, options: { expiresInSeconds: number; filename: string }): Promise<string> {
    const disposition = `attachment; filename="${options.filename.replace(/[^\w.-]/g, '_')}"`;
    return getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.options.bucket, Key: key, ResponseContentDisposition: disposition }),
      { expiresIn: options.expiresInSeconds },
    );
  }
}

/** Errors of our own making pass through; anything from S3 or the network means "try again later". */
function unavailableOr(error: unknown): Error {
  if (error instanceof BlobTooLargeError || error instanceof ChecksumMismatchError || error instanceof IncompleteBodyError) return error;
  if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new BlobStoreUnavailableError(`Object storage failed: ${reason}`);
}

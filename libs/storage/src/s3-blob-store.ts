import type { Readable } from 'node:stream';
import type { BlobKey, BlobStore, ByteRange, StaleUploads, StoredArtifact, WriteOptions, WrittenBlob } from './blob-store.js';
import type { S3SdkBlobStore } from './s3-sdk-blob-store.js';

export interface S3BlobStoreOptions {
  bucket: string;
  region: string;
  endpoint?: string | undefined;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Multipart part size; memory per upload is about partSize × queueSize. */
  partSize?: number;
  /**
   * A multipart upload started this long ago belongs to a process that died mid-write: S3 keeps its parts
   * (and bills them) until they are aborted. Generous, as a live upload of hundreds of GB takes hours.
   */
  staleUploadAfterMs?: number;
}

/**
 * Blobs in any S3-compatible store (see S3SdkBlobStore). The AWS SDK takes tens of milliseconds and a few MiB
 * to load, so it is loaded here, when an S3 store is created, and never by processes on the disk store
 * (bench/startup.mjs). Loading starts at once, so it is done before the first request needs it.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  private readonly store: Promise<S3SdkBlobStore>;

  constructor(options: S3BlobStoreOptions) {
    this.store = import('./s3-sdk-blob-store.js').then(({ S3SdkBlobStore }) => new S3SdkBlobStore(options));
    // A failure to load surfaces on first use, not as an unhandled rejection of a store nobody used.
    this.store.catch(() => undefined);
  }

  async write(source: Readable, options: WriteOptions): Promise<WrittenBlob> {
    return (await this.store).write(source, options);
  }

  async putArtifact(name: string, source: Readable): Promise<StoredArtifact> {
    return (await this.store).putArtifact(name, source);
  }

  async read(key: BlobKey, range?: ByteRange): Promise<Readable> {
    return (await this.store).read(key, range);
  }

  async size(key: BlobKey): Promise<number | undefined> {
    return (await this.store).size(key);
  }

  async delete(key: BlobKey): Promise<void> {
    return (await this.store).delete(key);
  }

  async *keys(): AsyncIterable<BlobKey> {
    yield* (await this.store).keys();
  }

  async probe(): Promise<void> {
    return (await this.store).probe();
  }

  async staleUploads(): Promise<StaleUploads> {
    return (await this.store).staleUploads();
  }

  async removeStaleUploads(): Promise<StaleUploads> {
    return (await this.store).removeStaleUploads();
  }

  async presignGet(key: BlobKey, options: { expiresInSeconds: number; filename: string }): Promise<string> {
    return (await this.store).presignGet(key, options);
  }
}

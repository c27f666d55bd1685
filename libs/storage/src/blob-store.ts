import type { Readable } from 'node:stream';

/** Where a stored object lives; returned by `write`, kept in the Blob row, never shown to clients. */
export type BlobKey = string;

export interface WriteOptions {
  /** Refuse (BlobTooLargeError) once the body goes past this many bytes. */
  maxBytes: number;
  /** Hex sha256 the client promised; a different digest fails with ChecksumMismatchError. */
  expectedSha256?: string | undefined;
  /** Content-Length the client declared; a body that ends early or runs long fails with IncompleteBodyError. */
  expectedBytes?: number | undefined;
}

export interface WrittenBlob {
  key: BlobKey;
  sha256: string;
  size: number;
}

export interface StoredArtifact {
  key: BlobKey;
  size: number;
}

/** An artifact's name: one path segment, so its key can never reach into the blobs. */
export const ARTIFACT_NAME = /^[A-Za-z0-9][\w.-]{0,200}$/;
export const ARTIFACT_PREFIX = 'artifacts/';

/** The artifact key for `name`; throws for a name that is not one. */
export function artifactKey(name: string): BlobKey {
  if (!ARTIFACT_NAME.test(name)) throw new Error(`Not an artifact name: ${name}`);
  return `${ARTIFACT_PREFIX}${name}`;
}

/** Inclusive byte range, as in HTTP. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Content-addressed object storage. `write` streams a body in while hashing it and only makes it
 * visible under its key once the digest is verified; on any failure nothing is left behind. Every
 * write gets a key of its own: deduplication by sha256 is the catalog's job (one Blob row per digest),
 * which is what lets a blob be deleted without racing a concurrent upload of the same content.
 */
export interface BlobStore {
  readonly kind: 'disk' | 's3';
  write(source: Readable, options: WriteOptions): Promise<WrittenBlob>;
  read(key: BlobKey, range?: ByteRange): Promise<Readable>;
  /** The object's size, or undefined when it does not exist. */
  size(key: BlobKey): Promise<number | undefined>;
  delete(key: BlobKey): Promise<void>;
  /** Every key in the store, for integrity checks. */
  keys(): AsyncIterable<BlobKey>;
  /**
   * Stores a body of any length under `artifacts/<name>` (see ARTIFACT_NAME): an object the catalog names
   * itself (an export's tar), outside the content-addressed blobs, so `keys()` and the blob checks never
   * list it. It appears only once complete, replacing one of the same name; read, size and delete take its key.
   */
  putArtifact(name: string, source: Readable): Promise<StoredArtifact>;
  /** A short-lived URL that serves the object directly (S3 only). */
  presignGet?(key: BlobKey, options: { expiresInSeconds: number; filename: string }): Promise<string>;
  /** Resolves when the store can be reached and written to, else fails with BlobStoreUnavailableError; cheap, for health checks. */
  probe(): Promise<void>;
  /**
   * Writes abandoned by a process that died mid-upload (temp files, incomplete multipart uploads). Only
   * those past the store's staleness bound count, so a live upload of another process sharing the store is never one.
   */
  staleUploads(): Promise<StaleUploads>;
  /** Deletes the stale uploads; returns what it deleted. */
  removeStaleUploads(): Promise<StaleUploads>;
}

export interface StaleUploads {
  /** Null where the store cannot list them (an S3-compatible server without ListMultipartUploads). */
  count: number | null;
  /** What they hold; null where the store cannot tell cheaply (S3 keeps the size per part). */
  bytes: number | null;
}

export class BlobTooLargeError extends Error {
  override readonly name = 'BlobTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`The body is larger than the ${maxBytes}-byte limit`);
  }
}

export class ChecksumMismatchError extends Error {
  override readonly name = 'ChecksumMismatchError';
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`The body's sha256 is ${actual}, not the ${expected} that was declared`);
  }
}

export class IncompleteBodyError extends Error {
  override readonly name = 'IncompleteBodyError';
  constructor(
    readonly expected: number,
    readonly received: number,
  ) {
    super(`Content-Length declared ${expected} bytes but the body had ${received}`);
  }
}

/** The store could not be reached or failed; the operation may succeed later. */
export class BlobStoreUnavailableError extends Error {
  override readonly name = 'BlobStoreUnavailableError';
}

/** The store has no room for the body (a full disk or an exhausted quota); nothing was kept. */
export class BlobStoreFullError extends Error {
  override readonly name = 'BlobStoreFullError';
}

import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { BlobTooLargeError, ChecksumMismatchError, IncompleteBodyError, type WriteOptions } from './blob-store.js';

/** Passes bytes through while computing their sha256 and enforcing the size limits of a write. */
export class HashingStream extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private digest: string | undefined;

  constructor(private readonly options: WriteOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.options.maxBytes) return callback(new BlobTooLargeError(this.options.maxBytes));
    if (this.options.expectedBytes !== undefined && this.bytes > this.options.expectedBytes) {
      return callback(new IncompleteBodyError(this.options.expectedBytes, this.bytes));
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.options.expectedBytes !== undefined && this.bytes !== this.options.expectedBytes) {
      return callback(new IncompleteBodyError(this.options.expectedBytes, this.bytes));
    }
    this.digest = this.hash.digest('hex');
    if (this.options.expectedSha256 && this.options.expectedSha256 !== this.digest) {
      return callback(new ChecksumMismatchError(this.options.expectedSha256, this.digest));
    }
    callback();
  }

  /** Only valid once the stream has ended successfully. */
  result(): { sha256: string; size: number } {
    if (!this.digest) throw new Error('HashingStream has not finished');
    return { sha256: this.digest, size: this.bytes };
  }
}

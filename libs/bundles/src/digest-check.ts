import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { BundleEntry } from './bundle-index.js';
import { BundleRefused } from './bundle-refused.js';

/** Passes an entry's bytes through and fails at its end unless they are exactly the size and digest the index lists. */
export class DigestCheck extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;

  constructor(private readonly entry: BundleEntry) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const digest = this.hash.digest('hex');
    if (this.bytes !== this.entry.size || digest !== this.entry.sha256) {
      return callback(
        new BundleRefused('bundle_entry_tampered', `${this.entry.path} does not match its size and sha256 in the signed index`),
      );
    }
    callback();
  }
}

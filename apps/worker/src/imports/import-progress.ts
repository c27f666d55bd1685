import { Transform, type TransformCallback } from 'node:stream';
import type { StoredImportFile } from '@vetted/lifecycle';

/** One file of an import and how far it got, as import_jobs.files stores it. */
export type FileProgress = StoredImportFile;

/** Counts the bytes flowing through, for progress reports; passes them on untouched. */
export class ByteCounter extends Transform {
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}

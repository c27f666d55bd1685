import { Transform, type TransformCallback } from 'node:stream';

export interface FileProgress {
  path: string;
  size: number;
  bytesDone: number;
  status: 'pending' | 'downloading' | 'stored' | 'skipped' | 'failed';
}

/** Counts the bytes flowing through, for progress reports; passes them on untouched. */
export class ByteCounter extends Transform {
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}

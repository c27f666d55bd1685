import { open } from 'node:fs/promises';

/** Random access to a file's bytes: inspectors read only the ranges they need, never the whole file. */
export interface ByteSource {
  readonly size: number;
  /** The bytes at [offset, offset + length), fewer only where the file ends first. */
  read(offset: number, length: number): Promise<Buffer>;
}

/**
 * The bytes could not be read (storage, network): a failure of the moment, not a verdict on the file. Sources
 * throw it so that the scan is retried later instead of recording the file as unscannable.
 */
export class ByteSourceError extends Error {
  override readonly name = 'ByteSourceError';
}

export function bufferSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, Math.min(bytes.length, offset + length))),
  };
}

export interface FileSource extends ByteSource {
  close(): Promise<void>;
}

export async function fileSource(path: string): Promise<FileSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const wanted = Math.max(0, Math.min(length, size - offset));
      const buffer = Buffer.alloc(wanted);
      const { bytesRead } = await handle.read(buffer, 0, wanted, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

/** Wraps a source to count the bytes read, for the benchmark's "reads only the header" claim. */
export function countingSource(source: ByteSource): ByteSource & { readonly bytesRead: number } {
  let bytesRead = 0;
  return {
    size: source.size,
    get bytesRead() {
      return bytesRead;
    },
    async read(offset, length) {
      const bytes = await source.read(offset, length);
      bytesRead += bytes.length;
      return bytes;
    },
  };
}

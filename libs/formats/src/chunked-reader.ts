import type { ByteSource } from './byte-source.js';
import type { FormatError } from './finding.js';

const CHUNK_BYTES = 64 * 1024;

export interface ChunkedReaderOptions {
  /** No read or skip may go past this offset (a header's size cap). */
  limit: number;
  truncated: () => FormatError;
  overLimit: () => FormatError;
}

/**
 * Sequential little-endian reads over a ByteSource, one 64 KiB chunk at a time, for headers made of many small
 * fields. Skipping never reads: a header can hold tens of megabytes of tokenizer arrays nobody needs.
 * Call `fill(n)` (or check `has(n)`) before reading n bytes synchronously.
 */
export class ChunkedReader {
  position = 0;
  private chunk: Buffer = Buffer.alloc(0);
  private chunkStart = 0;

  constructor(
    private readonly source: ByteSource,
    private readonly options: ChunkedReaderOptions,
  ) {}

  get remaining(): number {
    return this.source.size - this.position;
  }

  /** True when the next `length` bytes are buffered: hot loops can read them without awaiting. */
  has(length: number): boolean {
    return this.position >= this.chunkStart && this.position + length <= this.chunkStart + this.chunk.length;
  }

  async fill(length: number): Promise<void> {
    if (this.has(length)) return;
    this.checkRange(length);
    const wanted = Math.min(Math.max(length, CHUNK_BYTES), this.source.size - this.position);
    const bytes = await this.source.read(this.position, wanted);
    if (bytes.length < length) throw this.options.truncated();
    this.chunk = bytes;
    this.chunkStart = this.position;
  }

  skip(length: number): void {
    this.checkRange(length);
    this.position += length;
  }

  u8(): number {
    return this.take(1).readUInt8(0);
  }

  u32(): number {
    return this.take(4).readUInt32LE(0);
  }

  i32(): number {
    return this.take(4).readInt32LE(0);
  }

  u64(): bigint {
    return this.take(8).readBigUInt64LE(0);
  }

  i64(): bigint {
    return this.take(8).readBigInt64LE(0);
  }

  /** The next `length` bytes, which `fill` has buffered; a view, valid until the next `fill`. */
  bytes(length: number): Buffer {
    return this.take(length);
  }

  private take(length: number): Buffer {
    if (!this.has(length)) throw new RangeError('ChunkedReader: fill() before reading');
    const start = this.position - this.chunkStart;
    this.position += length;
    return this.chunk.subarray(start, start + length);
  }

  private checkRange(length: number): void {
    if (length > this.remaining) throw this.options.truncated();
    if (this.position + length > this.options.limit) throw this.options.overLimit();
  }
}

import type { ByteSource } from './byte-source.js';
import { ChunkedReader } from './chunked-reader.js';
import { FormatError } from './finding.js';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
export const WIRE_FIXED32 = 5;

/** Deeper than any real ONNX model nests messages; protobuf's own parsers stop at 100. */
const MAX_DEPTH = 64;
const MAX_VARINT_BYTES = 10;
const CHUNK_BYTES = 64 * 1024;
const utf8 = new TextDecoder('utf-8');

/**
 * Protocol buffers wire format over a ByteSource, one field at a time. Messages are entered and left
 * explicitly; whatever a caller does not ask for is skipped by arithmetic, never read, so a 2 GiB model is
 * parsed by reading its small fields only. Errors are `FormatError`s named `<prefix>_truncated` (a field
 * runs past its message or the file) and `<prefix>_malformed`.
 */
export class ProtobufReader {
  private readonly reader: ChunkedReader;
  private end: number;
  private depth = 0;
  private varintLength = 0;

  constructor(
    source: ByteSource,
    private readonly codePrefix: string,
  ) {
    this.end = source.size;
    this.reader = new ChunkedReader(source, {
      limit: source.size,
      truncated: () => this.truncated(),
      overLimit: () => this.truncated(),
    });
  }

  /**
   * Calls `onField` for each field of the current message until its end; `onField` must consume the field
   * (read it, enter it, or `skip` it).
   */
  async fields(onField: (field: number, wireType: number) => Promise<void>): Promise<void> {
    while (this.reader.position < this.end) {
      const tag = await this.uint();
      const field = Math.floor(tag / 8);
      if (field === 0 || field > 0x1fffffff) throw this.malformed(`Invalid field number ${field}`);
      await onField(field, tag % 8);
    }
  }

  /** Reads an embedded message (the field must be length-delimited) with `read`, then leaves it. */
  async message(wireType: number, read: () => Promise<void>): Promise<void> {
    this.expect(wireType, WIRE_LENGTH_DELIMITED);
    const length = await this.length();
    if (this.depth >= MAX_DEPTH) throw this.malformed(`Messages nest deeper than ${MAX_DEPTH} levels`);
    const outer = this.end;
    this.end = this.reader.position + length;
    this.depth += 1;
    await read();
    this.depth -= 1;
    this.end = outer;
  }

  /** A varint as a number; values past 2^53 are refused (they are lengths, counts, enums here). */
  async uint(): Promise<number> {
    const bytes = await this.varint();
    let value = 0;
    for (let index = 0; index < this.varintLength; index += 1) value += (bytes[index]! & 0x7f) * 2 ** (7 * index);
    if (!Number.isSafeInteger(value)) throw this.malformed('A varint is larger than 2^53');
    return value;
  }

  /** An `int64` field: the varint's low 64 bits, two's complement. */
  async int64(wireType: number): Promise<bigint> {
    this.expect(wireType, WIRE_VARINT);
    const bytes = await this.varint();
    let value = 0n;
    for (let index = 0; index < this.varintLength; index += 1) value |= BigInt(bytes[index]! & 0x7f) << BigInt(7 * index);
    return BigInt.asIntN(64, value);
  }

  /** An `int32` or enum field: protobuf keeps the low 32 bits. */
  async int32(wireType: number): Promise<number> {
    return Number(BigInt.asIntN(32, await this.int64(wireType)));
  }

  /** Repeated `int64`, packed or not (proto2 writers use one form, proto3 writers the other). */
  async repeatedInt64(wireType: number, into: bigint[], max: number): Promise<void> {
    const add = (value: bigint) => {
      if (into.length >= max) throw this.malformed(`More than ${max} values in a repeated field`);
      into.push(value);
    };
    if (wireType !== WIRE_LENGTH_DELIMITED) return add(await this.int64(wireType));
    await this.message(wireType, async () => {
      while (this.reader.position < this.end) add(await this.int64(WIRE_VARINT));
    });
  }

  /**
   * How many values one occurrence of a repeated scalar field holds: one when unpacked, else its packed values
   * counted without keeping them (`fixedBytes` for float and double, varints otherwise).
   */
  async repeatedCount(wireType: number, fixedBytes?: number): Promise<number> {
    if (wireType !== WIRE_LENGTH_DELIMITED) {
      await this.skip(wireType);
      return 1;
    }
    const length = await this.length();
    if (fixedBytes !== undefined) {
      if (length % fixedBytes !== 0) throw this.malformed(`A packed field of ${fixedBytes}-byte values is ${length} bytes long`);
      this.reader.skip(length);
      return length / fixedBytes;
    }
    let count = 0;
    for (let left = length; left > 0;) {
      const chunk = Math.min(left, CHUNK_BYTES);
      if (!this.reader.has(chunk)) await this.reader.fill(chunk);
      // Each varint ends with the one byte whose high bit is clear.
      for (const byte of this.reader.bytes(chunk)) if (byte < 0x80) count += 1;
      left -= chunk;
    }
    return count;
  }

  /** A string field, its first `maxBytes` bytes decoded; the rest is skipped unread. */
  async string(wireType: number, maxBytes: number): Promise<{ value: string; truncated: boolean }> {
    this.expect(wireType, WIRE_LENGTH_DELIMITED);
    const length = await this.length();
    const kept = Math.min(length, maxBytes);
    if (!this.reader.has(kept)) await this.reader.fill(kept);
    const value = utf8.decode(this.reader.bytes(kept));
    this.reader.skip(length - kept);
    return { value, truncated: kept < length };
  }

  /** Skips a length-delimited field and tells its length. */
  async skipBytes(wireType: number): Promise<number> {
    this.expect(wireType, WIRE_LENGTH_DELIMITED);
    const length = await this.length();
    this.reader.skip(length);
    return length;
  }

  async skip(wireType: number): Promise<void> {
    switch (wireType) {
      case WIRE_VARINT:
        await this.varint();
        return;
      case WIRE_FIXED64:
        this.skipWithin(8);
        return;
      case WIRE_LENGTH_DELIMITED:
        await this.skipBytes(wireType);
        return;
      case WIRE_FIXED32:
        this.skipWithin(4);
        return;
      default:
        // Groups (3, 4) are proto1 leftovers no ONNX writer emits; 6 and 7 do not exist.
        throw this.malformed(`Unsupported wire type ${wireType}`);
    }
  }

  private async length(): Promise<number> {
    const length = await this.uint();
    if (length > this.end - this.reader.position) throw this.truncated();
    return length;
  }

  /**
   * Consumes one varint and returns a view whose first `varintLength` bytes are it: one view per varint,
   * not one per byte.
   */
  private async varint(): Promise<Buffer> {
    const available = Math.min(MAX_VARINT_BYTES, this.end - this.reader.position);
    if (available <= 0) throw this.truncated();
    if (!this.reader.has(available)) await this.reader.fill(available);
    const bytes = this.reader.bytes(available);
    let length = 0;
    while (length < available && bytes[length]! >= 0x80) length += 1;
    if (length === available) throw available < MAX_VARINT_BYTES ? this.truncated() : this.malformed('A varint is longer than 10 bytes');
    this.varintLength = length + 1;
    this.reader.position -= available - this.varintLength;
    return bytes;
  }

  private skipWithin(length: number): void {
    if (length > this.end - this.reader.position) throw this.truncated();
    this.reader.skip(length);
  }

  private expect(wireType: number, expected: number): void {
    if (wireType !== expected) throw this.malformed(`Wire type ${wireType} where ${expected} was expected`);
  }

  private truncated(): FormatError {
    return new FormatError(`${this.codePrefix}_truncated`, 'A field runs past the end of its message or of the file', {
      offset: this.reader.position,
    });
  }

  private malformed(message: string): FormatError {
    return new FormatError(`${this.codePrefix}_malformed`, message, { offset: this.reader.position });
  }
}

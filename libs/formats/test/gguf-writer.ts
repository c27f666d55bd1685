/**
 * Writes GGUF v3 files by the spec (ggml docs/gguf.md): header, key-values, tensor infos, padding to the
 * alignment, then each tensor's data padded to the alignment. Overrides let tests break one rule at a time.
 */

export const T = { u8: 0, i8: 1, u16: 2, i16: 3, u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9, u64: 10, i64: 11, f64: 12 } as const;
export const GGML = { F32: 0, F16: 1, Q4_0: 2, Q8_0: 8, Q4_K: 12, Q6_K: 14 } as const;

/** Elements and bytes per block, from the block structs in ggml-common.h, written out independently of the parser. */
const BLOCKS: Record<number, [number, number]> = { 0: [1, 4], 1: [1, 2], 2: [32, 18], 8: [32, 34], 12: [256, 144], 14: [256, 210] };

export interface ArrayValue {
  type: number;
  items: unknown[];
}

export interface Kv {
  key: string | Buffer;
  type: number;
  value: unknown;
}

export interface TensorSpec {
  name: string | Buffer;
  dims: (number | bigint)[];
  type: number;
  /** Where the data is said to be; by default packed in order, as writers do. */
  offset?: bigint;
}

export interface GgufSpec {
  version?: number;
  kv?: Kv[];
  tensors?: TensorSpec[];
  tensorCount?: bigint;
  kvCount?: bigint;
  /** Must match a general.alignment key when one is written. */
  alignment?: number;
  /** Extra bytes after the data. */
  trailing?: number;
}

export class ByteWriter {
  private readonly parts: Buffer[] = [];
  length = 0;

  raw(bytes: Buffer): this {
    this.parts.push(bytes);
    this.length += bytes.length;
    return this;
  }

  u8(value: number): this {
    return this.raw(Buffer.from([value]));
  }

  u32(value: number): this {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32LE(value);
    return this.raw(bytes);
  }

  u64(value: number | bigint): this {
    const bytes = Buffer.alloc(8);
    bytes.writeBigUInt64LE(BigInt(value));
    return this.raw(bytes);
  }

  string(value: string | Buffer): this {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    return this.u64(bytes.length).raw(bytes);
  }

  value(type: number, value: unknown): this {
    const bytes = Buffer.alloc(8);
    switch (type) {
      case T.u8:
      case T.bool:
        return this.u8(value as number);
      case T.i8:
        bytes.writeInt8(value as number);
        return this.raw(bytes.subarray(0, 1));
      case T.u16:
        bytes.writeUInt16LE(value as number);
        return this.raw(bytes.subarray(0, 2));
      case T.i16:
        bytes.writeInt16LE(value as number);
        return this.raw(bytes.subarray(0, 2));
      case T.u32:
        return this.u32(value as number);
      case T.i32:
        bytes.writeInt32LE(value as number);
        return this.raw(bytes.subarray(0, 4));
      case T.f32:
        bytes.writeFloatLE(value as number);
        return this.raw(bytes.subarray(0, 4));
      case T.u64:
        return this.u64(value as bigint | number);
      case T.i64:
        bytes.writeBigInt64LE(BigInt(value as number));
        return this.raw(bytes);
      case T.f64:
        bytes.writeDoubleLE(value as number);
        return this.raw(bytes);
      case T.string:
        return this.string(value as string);
      case T.array: {
        const array = value as ArrayValue;
        this.u32(array.type).u64(array.items.length);
        for (const item of array.items) this.value(array.type, item);
        return this;
      }
      default:
        throw new Error(`no encoding for type ${type}`);
    }
  }

  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export function tensorBytes(type: number, dims: (number | bigint)[]): number {
  const [elements, bytes] = BLOCKS[type]!;
  const count = dims.reduce<number>((a, b) => a * Number(b), 1);
  return (count / elements) * bytes;
}

const pad = (value: number, alignment: number) => Math.ceil(value / alignment) * alignment;

export function ggufFile(spec: GgufSpec = {}): Buffer {
  const kv = spec.kv ?? [];
  const tensors = spec.tensors ?? [];
  const alignment = spec.alignment ?? 32;
  const w = new ByteWriter()
    .raw(Buffer.from('GGUF', 'latin1'))
    .u32(spec.version ?? 3)
    .u64(spec.tensorCount ?? BigInt(tensors.length))
    .u64(spec.kvCount ?? BigInt(kv.length));
  for (const { key, type, value } of kv) w.string(key).u32(type).value(type, value);
  let offset = 0;
  const sizes: number[] = [];
  for (const tensor of tensors) {
    w.string(tensor.name).u32(tensor.dims.length);
    for (const dim of tensor.dims) w.u64(dim);
    w.u32(tensor.type).u64(tensor.offset ?? BigInt(offset));
    const size = BLOCKS[tensor.type] && tensor.dims.every((d) => BigInt(d) < 2n ** 32n) ? tensorBytes(tensor.type, tensor.dims) : 0;
    sizes.push(size);
    offset += pad(size, alignment);
  }
  if (tensors.length > 0) w.raw(Buffer.alloc(pad(w.length, alignment) - w.length));
  for (const size of sizes) w.raw(Buffer.alloc(pad(size, alignment), 0x11));
  return Buffer.concat([w.build(), Buffer.alloc(spec.trailing ?? 0)]);
}

export const kv = {
  string: (key: string, value: string): Kv => ({ key, type: T.string, value }),
  u32: (key: string, value: number): Kv => ({ key, type: T.u32, value }),
  array: (key: string, type: number, items: unknown[]): Kv => ({ key, type: T.array, value: { type, items } }),
};

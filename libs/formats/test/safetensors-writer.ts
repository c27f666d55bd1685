/** Builds safetensors files the way the reference writer does (offsets in order, header padded to 8 bytes). */

/** Element widths from the safetensors spec, written out here so that the tests do not trust the parser's table. */
const BITS: Record<string, number> = { F64: 64, F32: 32, F16: 16, BF16: 16, I64: 64, I32: 32, I8: 8, U8: 8, BOOL: 8, F8_E4M3: 8, F4: 4 };

export interface TensorSpec {
  dtype: string;
  shape: number[];
}

export function safetensorsFile(tensors: Record<string, TensorSpec>, metadata?: Record<string, string>): Buffer {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  let offset = 0;
  for (const [name, { dtype, shape }] of Object.entries(tensors)) {
    const bytes = (shape.reduce((a, b) => a * b, 1) * BITS[dtype]!) / 8;
    header[name] = { dtype, shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  const data = Buffer.alloc(offset);
  for (let i = 0; i < data.length; i++) data[i] = (i * 31 + 7) & 0xff;
  return rawSafetensors(JSON.stringify(header), data);
}

/** Any header text, padded with spaces to 8 bytes, then the data; `declared` overrides the length field. */
export function rawSafetensors(headerText: string | Buffer, data: Buffer | number, declared?: bigint): Buffer {
  let header = typeof headerText === 'string' ? Buffer.from(headerText, 'utf8') : headerText;
  if (header.length % 8 !== 0) header = Buffer.concat([header, Buffer.alloc(8 - (header.length % 8), ' ')]);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(declared ?? BigInt(header.length));
  return Buffer.concat([length, header, typeof data === 'number' ? Buffer.alloc(data) : data]);
}

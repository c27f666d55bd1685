import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNpy, parseNpy, parseTensorProto, readTensorFile } from '@vetted/inference';
import { float16BitsToNumber, numberToFloat16Bits } from '../src/float16.js';
import { tensorProtoBytes } from '../../../test/onnx-model.js';
import { tempDir } from './test-models.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A .npy as the format specification lays it out, written here byte by byte. */
function npyBytes(version: 1 | 2, dict: string, data: Buffer, align = 64): Buffer {
  const prefixLength = version === 1 ? 10 : 12;
  const padding = (align - ((prefixLength + dict.length + 1) % align)) % align;
  const header = Buffer.from(dict + ' '.repeat(padding) + '\n', 'latin1');
  const prefix = Buffer.from([0x93, ...Buffer.from('NUMPY'), version, 0, 0, 0, 0, 0]).subarray(0, prefixLength);
  if (version === 1) prefix.writeUInt16LE(header.length, 8);
  else prefix.writeUInt32LE(header.length, 8);
  return Buffer.concat([prefix, header, data]);
}

describe('.npy', () => {
  it('writes what NumPy writes: a version 1.0 header padded to 64 bytes', () => {
    const data = new Float32Array([1, 2.5, -3, 4, 5, 6]);
    const expected = npyBytes(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", Buffer.from(data.buffer));
    expect(encodeNpy({ dtype: 'float32', shape: [2, 3], data })).toEqual(expected);
    expect(expected.indexOf(Buffer.from(data.buffer)) % 64).toBe(0);
  });

  it('reads version 2.0 files, 16-byte aligned headers, one-element shapes and scalars', () => {
    const int64 = parseNpy(
      npyBytes(2, "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", Buffer.from(new BigInt64Array([-1n, 0n, 9n]).buffer), 16),
    );
    expect(int64).toEqual({ dtype: 'int64', shape: [3], data: new BigInt64Array([-1n, 0n, 9n]) });
    const scalar = parseNpy(
      npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", Buffer.from(new Float64Array([0.25]).buffer)),
    );
    expect(scalar).toEqual({ dtype: 'float64', shape: [], data: new Float64Array([0.25]) });
    const bools = parseNpy(npyBytes(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (2, 1), }", Buffer.from([1, 0])));
    expect(bools).toEqual({ dtype: 'bool', shape: [2, 1], data: new Uint8Array([1, 0]) });
  });

  it('reads a file through a Buffer whose data starts mid-allocation', async () => {
    const file = path.join(dir, 'half.npy');
    const bits = new Uint16Array([0x3c00, 0xc000, 0x7c00]);
    await writeFile(file, npyBytes(1, "{'descr': '<f2', 'fortran_order': False, 'shape': (3,), }", Buffer.from(bits.buffer)));
    expect(await readTensorFile(file)).toEqual({ dtype: 'float16', shape: [3], data: bits });
  });

  it.each([
    ['big-endian data', npyBytes(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", Buffer.alloc(4)), /big-endian/],
    ['Fortran order', npyBytes(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", Buffer.alloc(4)), /Fortran/],
    ['object arrays', npyBytes(1, "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", Buffer.alloc(8)), /unreadable|unsupported/],
    [
      'a short data section',
      npyBytes(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", Buffer.alloc(12)),
      /12 bytes, its header says 16/,
    ],
    ['another format', Buffer.from('PK\u0003\u0004 not numpy'), /not a .npy file/],
  ])('refuses %s', (_, bytes, message) => {
    expect(() => parseNpy(bytes)).toThrow(message);
  });

  it('refuses files over the size limit before reading them', async () => {
    const file = path.join(dir, 'big.npy');
    await writeFile(file, encodeNpy({ dtype: 'float32', shape: [256], data: new Float32Array(256) }));
    await expect(readTensorFile(file, 512)).rejects.toThrow(/over the 512-byte limit/);
  });
});

describe('TensorProto .pb', () => {
  it.each([true, false])('reads float32 values (raw_data: %s)', (raw) => {
    const bytes = tensorProtoBytes({ name: 'logits', dims: [2, 2], type: 'float', values: [0.5, -1, 3, 1e-8], raw });
    expect(parseTensorProto(bytes)).toEqual({
      name: 'logits',
      dtype: 'float32',
      shape: [2, 2],
      data: new Float32Array([0.5, -1, 3, 1e-8]),
    });
  });

  it.each([true, false])('reads int64 values, negatives included (raw_data: %s)', (raw) => {
    const bytes = tensorProtoBytes({ dims: [3], type: 'int64', values: [-5, 0, 2 ** 40], raw });
    expect(parseTensorProto(bytes)).toEqual({ name: '', dtype: 'int64', shape: [3], data: new BigInt64Array([-5n, 0n, 2n ** 40n]) });
  });

  it('refuses a tensor whose data does not fill its dims', () => {
    expect(() => parseTensorProto(tensorProtoBytes({ dims: [3], type: 'float', values: [1, 2] }))).toThrow(/2 values for dims \[3\]/);
    expect(() => parseTensorProto(tensorProtoBytes({ dims: [3], type: 'float', values: [1, 2], raw: true }))).toThrow(
      /raw_data is 8 bytes/,
    );
  });
});

describe('float16', () => {
  it.each([
    // value, its bits, what the bits mean
    [1, 0x3c00, 1],
    [-2, 0xc000, -2],
    [65504, 0x7bff, 65504],
    [1e5, 0x7c00, Infinity],
    [2 ** -24, 0x0001, 2 ** -24],
    [2 ** -14, 0x0400, 2 ** -14],
    [1 + 2 ** -11, 0x3c00, 1], // halfway: to even
    [1 + 3 * 2 ** -11, 0x3c02, 1 + 2 ** -9], // halfway: to even, upwards
    [0, 0, 0],
  ])('encodes %d as %i', (value, bits, decoded) => {
    expect(numberToFloat16Bits(value)).toBe(bits);
    expect(float16BitsToNumber(bits)).toBe(decoded);
  });

  it('keeps NaN and every representable value through a round trip', () => {
    expect(Number.isNaN(float16BitsToNumber(numberToFloat16Bits(Number.NaN)))).toBe(true);
    for (let bits = 0; bits < 0x7c00; bits += 37) expect(numberToFloat16Bits(float16BitsToNumber(bits))).toBe(bits);
  });
});

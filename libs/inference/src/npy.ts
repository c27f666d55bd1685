import type { TensorDtype } from './benchmark-types.js';
import { bytesPerElement, elementCount, fromBytes, type HostTensor } from './host-tensor.js';

// The .npy format: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
const MAGIC = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);
const MAX_HEADER_BYTES = 64 * 1024;

const DTYPE_BY_CODE: Record<string, TensorDtype> = {
  f2: 'float16',
  f4: 'float32',
  f8: 'float64',
  i1: 'int8',
  i2: 'int16',
  i4: 'int32',
  i8: 'int64',
  u1: 'uint8',
  u2: 'uint16',
  u4: 'uint32',
  u8: 'uint64',
  b1: 'bool',
};
const CODE_BY_DTYPE = Object.fromEntries(Object.entries(DTYPE_BY_CODE).map(([code, dtype]) => [dtype, code])) as Record<
  TensorDtype,
  string
>;

/** Parses a little-endian, C-order .npy of a numeric or bool dtype. */
export function parseNpy(bytes: Uint8Array): HostTensor {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 10 || !buffer.subarray(0, 6).equals(MAGIC)) throw new Error('not a .npy file');
  const major = buffer[6];
  const lengthBytes = major === 1 ? 2 : 4;
  if (major !== 1 && major !== 2 && major !== 3) throw new Error(`unsupported .npy version ${major}`);
  const headerLength = lengthBytes === 2 ? buffer.readUInt16LE(8) : buffer.readUInt32LE(8);
  const dataOffset = 8 + lengthBytes + headerLength;
  if (headerLength > MAX_HEADER_BYTES || dataOffset > buffer.length) throw new Error('truncated or oversized .npy header');
  const header = buffer.toString('latin1', 8 + lengthBytes, dataOffset);

  const descr = /'descr'\s*:\s*'([<>|=])([a-z]\d+)'/.exec(header);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header);
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header);
  if (!descr || !fortran || !shapeText) throw new Error(`unreadable .npy header ${header.trim()}`);
  const [, byteOrder, code] = descr;
  const dtype = DTYPE_BY_CODE[code ?? ''];
  if (!dtype) throw new Error(`unsupported .npy dtype ${code}`);
  if (byteOrder === '>' && bytesPerElement(dtype) > 1) throw new Error('big-endian .npy files are not supported');
  if (fortran[1] === 'True') throw new Error('Fortran-order .npy files are not supported');
  const shape = (shapeText[1] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(Number);
  if (!shape.every((dim) => Number.isInteger(dim) && dim >= 0)) throw new Error(`bad .npy shape (${shapeText[1]})`);

  const dataBytes = elementCount(shape) * bytesPerElement(dtype);
  if (buffer.length - dataOffset !== dataBytes) {
    throw new Error(`.npy data is ${buffer.length - dataOffset} bytes, its header says ${dataBytes}`);
  }
  return { dtype, shape, data: fromBytes(dtype, buffer.subarray(dataOffset)) };
}

/** A version 1.0 .npy, header padded so the data starts on a 64-byte boundary, as NumPy writes it. */
export function encodeNpy(tensor: HostTensor): Buffer {
  const order = bytesPerElement(tensor.dtype) === 1 ? '|' : '<';
  const shape = tensor.shape.length === 1 ? `(${tensor.shape[0]},)` : `(${tensor.shape.join(', ')})`;
  const dict = `{'descr': '${order}${CODE_BY_DTYPE[tensor.dtype]}', 'fortran_order': False, 'shape': ${shape}, }`;
  const unpadded = MAGIC.length + 4 + dict.length + 1;
  const header = dict + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const prefix = Buffer.alloc(MAGIC.length + 4);
  MAGIC.copy(prefix);
  prefix[6] = 1;
  prefix.writeUInt16LE(header.length, 8);
  const { data } = tensor;
  return Buffer.concat([prefix, Buffer.from(header, 'latin1'), Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
}

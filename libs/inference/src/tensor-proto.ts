import type { TensorDtype } from './benchmark-types.js';
import { allocate, bytesPerElement, elementCount, fromBytes, type HostTensor, writeNumber } from './host-tensor.js';

/** ONNX TensorProto.DataType numbers the runner reads. */
const DTYPE_BY_ONNX_TYPE: Record<number, TensorDtype> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
};

/** TensorProto field numbers, from onnx.proto. */
const FIELD = {
  dims: 1,
  dataType: 2,
  floatData: 4,
  int32Data: 5,
  int64Data: 7,
  name: 8,
  rawData: 9,
  doubleData: 10,
  uint64Data: 11,
  dataLocation: 14,
};

/** The protobuf wire format, just what a TensorProto needs. */
class WireReader {
  position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const byte = this.bytes[this.position++];
      if (byte === undefined) throw new Error('truncated TensorProto');
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return BigInt.asUintN(64, result);
    }
    throw new Error('malformed varint in TensorProto');
  }

  take(length: number): Uint8Array {
    if (this.position + length > this.bytes.length) throw new Error('truncated TensorProto');
    const slice = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return slice;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.take(8);
    else if (wireType === 2) this.take(Number(this.varint()));
    else if (wireType === 5) this.take(4);
    else throw new Error(`unsupported protobuf wire type ${wireType}`);
  }

  /** A repeated scalar field, packed (wire type 2) or not. */
  repeated(wireType: number, read: (reader: WireReader) => void): void {
    if (wireType !== 2) return read(this);
    const packed = new WireReader(this.take(Number(this.varint())));
    while (!packed.done) read(packed);
  }

  fixed32(): number {
    const chunk = this.take(4);
    return new DataView(chunk.buffer, chunk.byteOffset, 4).getFloat32(0, true);
  }

  fixed64(): number {
    const chunk = this.take(8);
    return new DataView(chunk.buffer, chunk.byteOffset, 8).getFloat64(0, true);
  }
}

/** Parses an ONNX `TensorProto` (`input_0.pb` in ONNX test data) with its data inline. */
export function parseTensorProto(bytes: Uint8Array): HostTensor & { name: string } {
  const reader = new WireReader(bytes);
  const dims: number[] = [];
  const values: (number | bigint)[] = [];
  let onnxType = 0;
  let name = '';
  let raw: Uint8Array | undefined;
  while (!reader.done) {
    const tag = Number(reader.varint());
    const field = tag >>> 3;
    const wireType = tag & 7;
    if (field === FIELD.dims) reader.repeated(wireType, (r) => dims.push(Number(BigInt.asIntN(64, r.varint()))));
    else if (field === FIELD.dataType) onnxType = Number(reader.varint());
    else if (field === FIELD.name) name = Buffer.from(reader.take(Number(reader.varint()))).toString('utf8');
    else if (field === FIELD.rawData) raw = reader.take(Number(reader.varint()));
    else if (field === FIELD.floatData) reader.repeated(wireType, (r) => values.push(r.fixed32()));
    else if (field === FIELD.doubleData) reader.repeated(wireType, (r) => values.push(r.fixed64()));
    else if (field === FIELD.int32Data) reader.repeated(wireType, (r) => values.push(Number(BigInt.asIntN(32, r.varint()))));
    else if (field === FIELD.int64Data) reader.repeated(wireType, (r) => values.push(BigInt.asIntN(64, r.varint())));
    else if (field === FIELD.uint64Data) reader.repeated(wireType, (r) => values.push(r.varint()));
    else if (field === FIELD.dataLocation && reader.varint() === 1n) throw new Error('TensorProto with external data is not supported');
    else reader.skip(wireType);
  }
  const dtype = DTYPE_BY_ONNX_TYPE[onnxType];
  if (!dtype) throw new Error(`unsupported TensorProto data type ${onnxType}`);
  if (!dims.every((dim) => Number.isInteger(dim) && dim >= 0)) throw new Error(`bad TensorProto dims [${dims.join(', ')}]`);
  const size = elementCount(dims);
  if (raw) {
    if (raw.byteLength !== size * bytesPerElement(dtype))
      throw new Error(`TensorProto raw_data is ${raw.byteLength} bytes for dims [${dims.join(', ')}]`);
    return { name, dtype, shape: dims, data: fromBytes(dtype, raw) };
  }
  if (values.length !== size) throw new Error(`TensorProto holds ${values.length} values for dims [${dims.join(', ')}]`);
  const tensor: HostTensor = { dtype, shape: dims, data: allocate(dtype, size) };
  const { data } = tensor;
  values.forEach((value, index) => {
    if (data instanceof BigInt64Array) data[index] = BigInt.asIntN(64, BigInt(value));
    else if (data instanceof BigUint64Array) data[index] = BigInt.asUintN(64, BigInt(value));
    // float16 travels as its bits in int32_data.
    else if (dtype === 'float16') data[index] = Number(value);
    else writeNumber(tensor, index, Number(value));
  });
  return { name, ...tensor };
}

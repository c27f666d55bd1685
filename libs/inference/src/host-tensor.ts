import type { TensorDtype } from './benchmark-types.js';
import { float16BitsToNumber, numberToFloat16Bits } from './float16.js';

export type TensorData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array;

/** A tensor in plain memory, as ONNX Runtime takes it: float16 as its raw bits, bool as bytes of 0/1. */
export type HostTensor = { dtype: TensorDtype; shape: number[]; data: TensorData };

const CONSTRUCTORS = {
  float32: Float32Array,
  float16: Uint16Array,
  float64: Float64Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  int64: BigInt64Array,
  uint8: Uint8Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  uint64: BigUint64Array,
  bool: Uint8Array,
} as const;

export const isTensorDtype = (value: unknown): value is TensorDtype => typeof value === 'string' && value in CONSTRUCTORS;

export const bytesPerElement = (dtype: TensorDtype): number => CONSTRUCTORS[dtype].BYTES_PER_ELEMENT;

export const elementCount = (shape: readonly number[]): number => shape.reduce((product, dim) => product * dim, 1);

export const allocate = (dtype: TensorDtype, length: number): TensorData => new CONSTRUCTORS[dtype](length);

/** A typed array over a copy of `bytes` (little-endian, as on every machine the runtime ships for). */
export function fromBytes(dtype: TensorDtype, bytes: Uint8Array): TensorData {
  // Not `slice`: on a Buffer that is a view of the same memory.
  const copy = new Uint8Array(bytes);
  return new CONSTRUCTORS[dtype](copy.buffer, 0, copy.byteLength / bytesPerElement(dtype));
}

export const isFloatDtype = (dtype: string): boolean => dtype === 'float32' || dtype === 'float64' || dtype === 'float16';

/** Reads element `index` as a number, whatever the storage (bigint, float16 bits…). */
export function numberAt(dtype: string, data: ArrayLike<number | bigint>, index: number): number {
  const value = data[index] ?? 0;
  // float16 arrives as its bits, unless the runtime found a native Float16Array.
  if (dtype === 'float16' && data instanceof Uint16Array) return float16BitsToNumber(Number(value));
  return Number(value);
}

/** Stores `value` at `index` in the dtype's encoding; integer dtypes take integers only. */
export function writeNumber(tensor: HostTensor, index: number, value: number): void {
  const { dtype, data } = tensor;
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) data[index] = BigInt(value);
  else if (dtype === 'float16') data[index] = numberToFloat16Bits(value);
  else if (dtype === 'bool') data[index] = value ? 1 : 0;
  else data[index] = value;
}

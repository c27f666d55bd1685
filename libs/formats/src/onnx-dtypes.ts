/**
 * ONNX `TensorProto.DataType` (onnx.proto) → the normalized dtype names of `dtypes.ts`, with the width in
 * bits (0 for `string`, whose elements have no fixed size).
 */
export const ONNX_DTYPES: ReadonlyMap<number, { name: string; bits: number }> = new Map([
  [1, { name: 'float32', bits: 32 }],
  [2, { name: 'uint8', bits: 8 }],
  [3, { name: 'int8', bits: 8 }],
  [4, { name: 'uint16', bits: 16 }],
  [5, { name: 'int16', bits: 16 }],
  [6, { name: 'int32', bits: 32 }],
  [7, { name: 'int64', bits: 64 }],
  [8, { name: 'string', bits: 0 }],
  [9, { name: 'bool', bits: 8 }],
  [10, { name: 'float16', bits: 16 }],
  [11, { name: 'float64', bits: 64 }],
  [12, { name: 'uint32', bits: 32 }],
  [13, { name: 'uint64', bits: 64 }],
  [14, { name: 'complex64', bits: 64 }],
  [15, { name: 'complex128', bits: 128 }],
  [16, { name: 'bfloat16', bits: 16 }],
  // FLOAT8E4M3FN is what safetensors calls F8_E4M3.
  [17, { name: 'float8_e4m3', bits: 8 }],
  [18, { name: 'float8_e4m3fnuz', bits: 8 }],
  [19, { name: 'float8_e5m2', bits: 8 }],
  [20, { name: 'float8_e5m2fnuz', bits: 8 }],
  [21, { name: 'uint4', bits: 4 }],
  [22, { name: 'int4', bits: 4 }],
  [23, { name: 'float4_e2m1', bits: 4 }],
  [24, { name: 'float8_e8m0', bits: 8 }],
  [25, { name: 'uint2', bits: 2 }],
  [26, { name: 'int2', bits: 2 }],
]);

export function onnxDtypeName(dataType: number): string {
  return ONNX_DTYPES.get(dataType)?.name ?? `unknown(${dataType})`;
}

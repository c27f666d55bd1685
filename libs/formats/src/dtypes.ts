/**
 * The element types a safetensors header may name (the `Dtype` enum of safetensors 0.6), with their width in
 * bits and the normalized name facts use. GGUF tensors use the same normalized names (see `ggml-types.ts`).
 */
export const SAFETENSORS_DTYPES = {
  BOOL: { bits: 8, name: 'bool' },
  F4: { bits: 4, name: 'float4_e2m1' },
  F6_E2M3: { bits: 6, name: 'float6_e2m3' },
  F6_E3M2: { bits: 6, name: 'float6_e3m2' },
  U8: { bits: 8, name: 'uint8' },
  I8: { bits: 8, name: 'int8' },
  F8_E5M2: { bits: 8, name: 'float8_e5m2' },
  F8_E4M3: { bits: 8, name: 'float8_e4m3' },
  F8_E8M0: { bits: 8, name: 'float8_e8m0' },
  I16: { bits: 16, name: 'int16' },
  U16: { bits: 16, name: 'uint16' },
  F16: { bits: 16, name: 'float16' },
  BF16: { bits: 16, name: 'bfloat16' },
  I32: { bits: 32, name: 'int32' },
  U32: { bits: 32, name: 'uint32' },
  F32: { bits: 32, name: 'float32' },
  C64: { bits: 64, name: 'complex64' },
  F64: { bits: 64, name: 'float64' },
  I64: { bits: 64, name: 'int64' },
  U64: { bits: 64, name: 'uint64' },
} as const satisfies Record<string, { bits: number; name: string }>;

export type SafetensorsDtype = keyof typeof SAFETENSORS_DTYPES;

export function isSafetensorsDtype(value: unknown): value is SafetensorsDtype {
  return typeof value === 'string' && Object.hasOwn(SAFETENSORS_DTYPES, value);
}

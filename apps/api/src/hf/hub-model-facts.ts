import { z } from 'zod';

/** The parts of a version's scan facts (libs/formats VersionFacts) the Hub's model info repeats. */
const weightFacts = z.object({
  weightsFrom: z.object({ format: z.string() }).optional().catch(undefined),
  parameters: z.number().optional().catch(undefined),
  parametersByDtype: z.record(z.string(), z.number()).optional().catch(undefined),
  gguf: z.array(z.object({ architecture: z.string().optional(), contextLength: z.number().optional(), parameters: z.number() })).catch([]),
});

/** Facts name dtypes like torch (libs/formats dtypes.ts); the Hub uses the safetensors names. */
const SAFETENSORS_NAMES: Record<string, string> = {
  bool: 'BOOL',
  uint8: 'U8',
  int8: 'I8',
  float4_e2m1: 'F4',
  float6_e2m3: 'F6_E2M3',
  float6_e3m2: 'F6_E3M2',
  float8_e5m2: 'F8_E5M2',
  float8_e4m3: 'F8_E4M3',
  float8_e8m0: 'F8_E8M0',
  int16: 'I16',
  uint16: 'U16',
  float16: 'F16',
  bfloat16: 'BF16',
  int32: 'I32',
  uint32: 'U32',
  float32: 'F32',
  complex64: 'C64',
  float64: 'F64',
  int64: 'I64',
  uint64: 'U64',
};

export interface HubModelFacts {
  safetensors?: { parameters: Record<string, number>; total: number };
  gguf?: { total: number; architecture?: string; context_length?: number };
}

/**
 * `safetensors` (parameters by dtype and their total) when the weights are safetensors and every shard
 * was read, and `gguf` (the first GGUF file's architecture and context length) for GGUF repositories.
 */
export function hubModelFacts(facts: unknown): HubModelFacts {
  const parsed = weightFacts.safeParse(facts);
  if (!parsed.success) return {};
  const { weightsFrom, parameters, parametersByDtype, gguf } = parsed.data;
  const [firstGguf] = gguf;
  return {
    ...(weightsFrom?.format === 'safetensors' && parameters !== undefined && parametersByDtype
      ? {
          safetensors: {
            parameters: Object.fromEntries(
              Object.entries(parametersByDtype).map(([dtype, count]) => [SAFETENSORS_NAMES[dtype] ?? dtype, count]),
            ),
            total: parameters,
          },
        }
      : {}),
    ...(firstGguf
      ? {
          gguf: {
            total: (weightsFrom?.format === 'gguf' ? parameters : undefined) ?? firstGguf.parameters,
            ...(firstGguf.architecture ? { architecture: firstGguf.architecture } : {}),
            ...(firstGguf.contextLength ? { context_length: firstGguf.contextLength } : {}),
          },
        }
      : {}),
  };
}

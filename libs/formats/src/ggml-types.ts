/**
 * ggml tensor types as GGUF stores them (`enum ggml_type` in ggml.h): elements per block and bytes per block,
 * so that quantized tensors get their true size. Ids 4, 5, 31–33 and 36–38 were removed from ggml and are
 * not accepted. Float and integer types share their normalized names with safetensors dtypes.
 */
export interface GgmlType {
  name: string;
  blockElements: number;
  blockBytes: number;
}

const type = (name: string, blockElements: number, blockBytes: number): GgmlType => ({ name, blockElements, blockBytes });

export const GGML_TYPES: ReadonlyMap<number, GgmlType> = new Map([
  [0, type('float32', 1, 4)],
  [1, type('float16', 1, 2)],
  [2, type('q4_0', 32, 18)],
  [3, type('q4_1', 32, 20)],
  [6, type('q5_0', 32, 22)],
  [7, type('q5_1', 32, 24)],
  [8, type('q8_0', 32, 34)],
  [9, type('q8_1', 32, 36)],
  [10, type('q2_k', 256, 84)],
  [11, type('q3_k', 256, 110)],
  [12, type('q4_k', 256, 144)],
  [13, type('q5_k', 256, 176)],
  [14, type('q6_k', 256, 210)],
  [15, type('q8_k', 256, 292)],
  [16, type('iq2_xxs', 256, 66)],
  [17, type('iq2_xs', 256, 74)],
  [18, type('iq3_xxs', 256, 98)],
  [19, type('iq1_s', 256, 50)],
  [20, type('iq4_nl', 32, 18)],
  [21, type('iq3_s', 256, 110)],
  [22, type('iq2_s', 256, 82)],
  [23, type('iq4_xs', 256, 136)],
  [24, type('int8', 1, 1)],
  [25, type('int16', 1, 2)],
  [26, type('int32', 1, 4)],
  [27, type('int64', 1, 8)],
  [28, type('float64', 1, 8)],
  [29, type('iq1_m', 256, 56)],
  [30, type('bfloat16', 1, 2)],
  [34, type('tq1_0', 256, 54)],
  [35, type('tq2_0', 256, 66)],
  [39, type('mxfp4', 32, 17)],
  [40, type('nvfp4', 64, 36)],
  [41, type('q1_0', 128, 18)],
  [42, type('q2_0', 64, 18)],
]);

/** `general.file_type` (`enum llama_ftype` in llama.h): what the quantizer was asked for. */
const FILE_TYPES: ReadonlyMap<number, string> = new Map([
  [0, 'ALL_F32'],
  [1, 'MOSTLY_F16'],
  [2, 'MOSTLY_Q4_0'],
  [3, 'MOSTLY_Q4_1'],
  [4, 'MOSTLY_Q4_1_SOME_F16'],
  [7, 'MOSTLY_Q8_0'],
  [8, 'MOSTLY_Q5_0'],
  [9, 'MOSTLY_Q5_1'],
  [10, 'MOSTLY_Q2_K'],
  [11, 'MOSTLY_Q3_K_S'],
  [12, 'MOSTLY_Q3_K_M'],
  [13, 'MOSTLY_Q3_K_L'],
  [14, 'MOSTLY_Q4_K_S'],
  [15, 'MOSTLY_Q4_K_M'],
  [16, 'MOSTLY_Q5_K_S'],
  [17, 'MOSTLY_Q5_K_M'],
  [18, 'MOSTLY_Q6_K'],
  [19, 'MOSTLY_IQ2_XXS'],
  [20, 'MOSTLY_IQ2_XS'],
  [21, 'MOSTLY_Q2_K_S'],
  [22, 'MOSTLY_IQ3_XS'],
  [23, 'MOSTLY_IQ3_XXS'],
  [24, 'MOSTLY_IQ1_S'],
  [25, 'MOSTLY_IQ4_NL'],
  [26, 'MOSTLY_IQ3_S'],
  [27, 'MOSTLY_IQ3_M'],
  [28, 'MOSTLY_IQ2_S'],
  [29, 'MOSTLY_IQ2_M'],
  [30, 'MOSTLY_IQ4_XS'],
  [31, 'MOSTLY_IQ1_M'],
  [32, 'MOSTLY_BF16'],
  [36, 'MOSTLY_TQ1_0'],
  [37, 'MOSTLY_TQ2_0'],
  [38, 'MOSTLY_MXFP4_MOE'],
  [39, 'MOSTLY_NVFP4'],
  [40, 'MOSTLY_Q1_0'],
]);

export function ggmlFileTypeName(fileType: number): string {
  return FILE_TYPES.get(fileType) ?? `UNKNOWN_${fileType}`;
}

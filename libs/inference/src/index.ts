export * from './benchmark-types.js';
export { runBenchmark, DEFAULT_TIMEOUT_MS, DEFAULT_LOG_TAIL_LINES, defaultMemoryLimitMb } from './benchmark-runner.js';
export { runBenchmarkInProcess, type BenchmarkHooks, type PreparedBenchmark } from './benchmark-core.js';
export type * from './gguf/gguf-types.js';
export { runGgufBenchmark } from './gguf/gguf-runner.js';
export { runGgufBenchmarkInProcess, type GgufBenchmarkHooks, type PreparedGgufBenchmark } from './gguf/gguf-benchmark-core.js';
export { DEFAULT_CONTEXT_SIZE, DEFAULT_PROMPT_TOKENS, DEFAULT_GENERATE_TOKENS } from './gguf/gguf-options.js';
export { PERPLEXITY_TEXT, PERPLEXITY_TEXT_NAME, COMPLETION_PROMPT } from './gguf/fixed-texts.js';
export { DEFAULT_WARMUP, DEFAULT_ITERATIONS, DEFAULT_ATOL, DEFAULT_RTOL, DEFAULT_VOCAB_SIZE } from './benchmark-options.js';
export { probeExecutionProvider, chooseExecutionProvider, type ProviderProbe } from './execution-provider.js';
export { detectHardware, onnxruntimeVersion, parseNvidiaSmi } from './hardware-fingerprint.js';
export { synthesiseInputs, type SynthesisOptions, type SynthesisedInputs, type ValueMetadata } from './input-synthesis.js';
export {
  DimensionResolver,
  dimensionKind,
  DIMENSION_KINDS,
  type DimensionKind,
  type ImageSize,
  type ResolvedDimension,
  type SymbolicAxis,
} from './symbolic-dimensions.js';
export { axisHints, type AxisHint } from './image-layout.js';
export { readImageSize, readVocabSize } from './model-config.js';
export { summariseLatencies, type LatencySummary } from './latency-stats.js';
export { compareWithReference } from './reference-check.js';
export { parseNpy, encodeNpy } from './npy.js';
export { parseTensorProto } from './tensor-proto.js';
export { readTensorFile, writeNpyFile, MAX_TENSOR_FILE_BYTES } from './tensor-file.js';
export type { HostTensor, TensorData } from './host-tensor.js';
export type { OutputTensor } from './output-tensor.js';

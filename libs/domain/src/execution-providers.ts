/**
 * What a benchmark may run on, by the names requests use: ONNX execution providers and llama.cpp
 * backends. `auto` tries the GPU ones first (CUDA, then WebGPU or Vulkan) and falls back to the CPU.
 */
export const EXECUTION_PROVIDERS = ['auto', 'cpu', 'webgpu', 'cuda'] as const;
export type RequestedProvider = (typeof EXECUTION_PROVIDERS)[number];

export const LLAMA_BACKENDS = ['auto', 'cpu', 'vulkan', 'cuda'] as const;
export type RequestedBackend = (typeof LLAMA_BACKENDS)[number];

import type { Config } from '@vetted/config';
import type { RequestedBackend } from '@vetted/inference';

/**
 * The llama.cpp backend a GGUF run asks for: the request's `backend`, else its `executionProvider` or the worker's
 * VETTED_BENCHMARK_EP read as a backend. WebGPU has no llama.cpp backend; on Linux it runs over Vulkan, so a
 * worker set up for WebGPU asks for Vulkan.
 */
export function ggufBackend(settings: { backend?: RequestedBackend; executionProvider?: string }, config: Config): RequestedBackend {
  if (settings.backend) return settings.backend;
  const provider = settings.executionProvider ?? config.benchmarks.executionProvider;
  return provider === 'webgpu' ? 'vulkan' : (provider as RequestedBackend);
}

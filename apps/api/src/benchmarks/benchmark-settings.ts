import { DomainError, type FieldProblem } from '@vetted/domain';
import type { CreateBenchmarkBody } from './benchmark.schemas.js';

const ONNX_ONLY = ['batchSize', 'iterations', 'warmup', 'dims', 'inputs'] as const;
const GGUF_ONLY = ['backend', 'contextSize', 'promptTokens', 'generateTokens', 'threads'] as const;

/**
 * What a run of this format is asked to do, as stored on the run: the request's settings, checked against the
 * format (a setting the other format's runner takes is refused, not silently ignored). ONNX runs get the worker's
 * default provider now; a GGUF run keeps the backend it names (`backend`, or an `executionProvider` both formats
 * share), else the worker chooses and the result says which.
 */
export function benchmarkSettings(
  format: 'onnx' | 'gguf',
  body: CreateBenchmarkBody,
  defaultProvider: NonNullable<CreateBenchmarkBody['executionProvider']>,
): Omit<CreateBenchmarkBody, 'file'> {
  const { file: _file, executionProvider, backend, ...asked } = body;
  const runs = format === 'gguf' ? 'GGUF runs (llama.cpp)' : 'ONNX runs';
  const problems: FieldProblem[] = (format === 'gguf' ? ONNX_ONLY : GGUF_ONLY)
    .filter((field) => body[field] !== undefined)
    .map((field) => ({ field, message: `not a setting of ${runs}` }));
  if (format === 'gguf' && executionProvider === 'webgpu') {
    problems.push({ field: 'executionProvider', message: 'llama.cpp has no WebGPU backend (ask for vulkan)' });
  }
  if (backend && executionProvider && backend !== executionProvider) {
    problems.push({ field: 'backend', message: `${backend} contradicts executionProvider ${executionProvider}` });
  }
  if (problems.length > 0) throw DomainError.invalid(problems, 'setting_not_for_format');
  if (format === 'onnx') return { ...asked, executionProvider: executionProvider ?? defaultProvider };
  const chosen = backend ?? (executionProvider === 'webgpu' ? undefined : executionProvider); // webgpu: refused above
  return { ...asked, ...(chosen && { backend: chosen }) };
}

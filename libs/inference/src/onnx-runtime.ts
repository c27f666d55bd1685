import type * as Ort from 'onnxruntime-node';

/** The CommonJS module onnxruntime-node exports, as an ES import's `default`. */
export type OnnxRuntime = (typeof Ort)['default'];

let runtime: Promise<OnnxRuntime> | undefined;

/**
 * onnxruntime-node, loaded on first use: a process that only starts benchmark children (the worker) never
 * maps the native runtime.
 */
export function loadOnnxRuntime(): Promise<OnnxRuntime> {
  runtime ??= import('onnxruntime-node').then((module) => module.default);
  return runtime;
}

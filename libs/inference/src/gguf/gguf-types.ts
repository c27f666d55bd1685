import type { RequestedBackend } from '@vetted/domain';
// Types, not interfaces, and JSON-safe values only: GGUF results are stored as JSON columns like ONNX results.
import type { BenchmarkError, BenchmarkFinding, HardwareFingerprint } from '../benchmark-types.js';

/** A llama.cpp backend a run really used. */
export type LlamaBackendName = 'cpu' | 'vulkan' | 'cuda';
/** A backend a caller may ask for; `auto` tries CUDA, then Vulkan, then the CPU. */
export type { RequestedBackend };

/** Same shape as the ONNX runs' `executionProvider`, so runs of both formats are listed and grouped alike. */
export type BackendOutcome = {
  requested: RequestedBackend;
  /** `null` when the run failed before a backend was chosen. */
  actual: LlamaBackendName | null;
  /** Why `auto` did not get CUDA or Vulkan, or why an explicit backend could not start. */
  fallbackReason?: string;
};

/** What the in-process GGUF core takes; everything is optional. */
export type GgufBenchmarkOptions = {
  /** Default `auto`. An explicit backend that cannot start fails the run: it never silently falls back. */
  backend?: RequestedBackend;
  /** Tokens the context holds. Default 1024, and at least prompt + generated tokens. */
  contextSize?: number;
  /** Length of the fixed prompt whose processing is timed. Default 128. */
  promptTokens?: number;
  /** Tokens generated greedily after the completion prompt. Default 64. */
  generateTokens?: number;
  /** Sampling seed, recorded; greedy decoding does not draw on it. Default 1. */
  seed?: number;
  /** llama.cpp threads; default the cores node-llama-cpp counts as useful for math. */
  threads?: number;
  /** A model whose weights alone exceed this (on the CPU) fails before loading. The runner passes its memory limit. */
  memoryLimitMb?: number;
};

/** What `runGgufBenchmark` takes: the core's options and the guards around the child process. */
export type RunGgufBenchmarkOptions = Omit<GgufBenchmarkOptions, 'memoryLimitMb'> & {
  /** Wall-clock limit for the whole child. Default 300,000 ms. */
  timeoutMs?: number;
  /** The child is killed when its resident memory exceeds this; a model bigger than it is refused before loading. */
  memoryLimitMb?: number;
  /** Lines of the child's stdout/stderr kept for the result. Default 50. */
  logTailLines?: number;
  /** Aborting kills the child; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
};

export type GgufSettings = {
  contextSize: number;
  promptTokens: number;
  generateTokens: number;
  seed: number;
  /** llama.cpp threads the context used. */
  threads: number;
};

export type GgufHardware = HardwareFingerprint & {
  nodeLlamaCppVersion: string;
  /** The llama.cpp release node-llama-cpp's binaries were built from. */
  llamaCppRelease?: string;
  /** GPU devices llama.cpp's backend sees (Vulkan and CUDA report names even without nvidia-smi). */
  llamaGpuDevices?: string[];
};

/** What the GGUF metadata says about the model, as llama.cpp read it. */
export type GgufModelInfo = {
  architecture: string;
  name?: string;
  /** `general.file_type` by name, e.g. `MOSTLY_Q4_K_M`. */
  fileType?: string;
  trainContextSize?: number;
  /** Repeating layers plus the output layer: what GPU offloading counts. */
  totalLayers: number;
  parameters: number;
  sizeMb: number;
};

export type GgufMetrics = {
  loadMs: number;
  /** Layers offloaded to the GPU (0 on the CPU backend), of `totalLayers`. */
  gpuLayers: number;
  totalLayers: number;
  /** The fixed prompt of `promptTokens` tokens, evaluated in batches. */
  promptMs: number;
  promptTokensPerSecond: number;
  /** From asking for a completion to its first token: the completion prompt's processing plus one decode. */
  timeToFirstTokenMs: number;
  generatedTokens: number;
  /** Tokens after the first, per second of decoding. */
  generationTokensPerSecond: number;
  /** Median time per generated token after the first: the run's latency, like an ONNX run's p50. */
  p50Ms: number;
  peakRssMb: number;
  /** VRAM the model and context took, when the backend is a GPU and reports it. */
  vramUsedMb?: number;
};

/** The greedy completion of the fixed prompt: the same model gives the same text, a damaged one does not. */
export type CompletionFingerprint = {
  /** The completion prompt's text, before any chat template. */
  prompt: string;
  /** Up to the first end-of-generation token, at most 32 tokens; NUL and lone surrogates shown as U+FFFD. */
  text: string;
  tokens: number;
  /** sha256 of `text` as UTF-8. */
  sha256: string;
};

/** Whether the model's own chat template (`tokenizer.chat_template`) shaped the completion prompt. */
export type ChatTemplateUse =
  | { present: false }
  | {
      present: true;
      /** False when the template could not be rendered: the prompt then went in as plain text. */
      applied: boolean;
      /** node-llama-cpp's name for it: a known format (`ChatML`, `Llama 3.1`…) or `Jinja template`. */
      wrapper?: string;
      /** sha256 of the template text, to tell templates apart without storing them. */
      sha256: string;
      error?: string;
    };

export type PerplexityOutcome = {
  /** exp of the mean negative log-likelihood of each token of Vetted's fixed text given the tokens before it. */
  value: number;
  /** Tokens scored (the text's tokens after the first, up to the context size). */
  tokens: number;
  /** Names the fixed text, so figures from different texts are never compared. */
  text: string;
};

type GgufResultBase = {
  format: 'gguf';
  executionProvider: BackendOutcome;
  hardware: GgufHardware;
  findings: BenchmarkFinding[];
  /** The last lines the run logged (the child's stdout and stderr when run in a child). */
  logTail: string[];
};

export type SucceededGgufBenchmark = GgufResultBase & {
  status: 'succeeded';
  settings: GgufSettings;
  model: GgufModelInfo;
  metrics: GgufMetrics;
  perplexity: PerplexityOutcome;
  completion: CompletionFingerprint;
  chatTemplate: ChatTemplateUse;
};

export type FailedGgufBenchmark = GgufResultBase & {
  status: 'failed';
  error: BenchmarkError;
  settings?: GgufSettings;
  loadMs?: number;
};

export type GgufBenchmarkResult = SucceededGgufBenchmark | FailedGgufBenchmark;

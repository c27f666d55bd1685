import { EXECUTION_PROVIDERS, LLAMA_BACKENDS } from '@vetted/domain';
import { z } from 'zod';
import { versionLabel } from '../models/version.schemas.js';
import { finding } from '../scans/scan.schemas.js';

export const BENCHMARK_FORMATS = ['onnx', 'gguf'] as const;
const INPUT_DTYPES = ['float32', 'float16', 'int64', 'int32', 'int8', 'uint8', 'bool'] as const;

const inputSpec = z.strictObject({
  dtype: z.enum(INPUT_DTYPES).optional(),
  shape: z.array(z.number().int().min(0).max(1_000_000)).max(8).optional(),
  data: z.array(z.number()).max(100_000).optional().describe('Values in row-major order; their count must match the shape'),
  fill: z.enum(['random', 'zeros', 'ones']).optional(),
});

export const createBenchmarkBody = z.strictObject({
  file: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe("An ONNX or GGUF file of the version (a split GGUF by its first part); the version's main model file when absent"),
  executionProvider: z
    .enum(EXECUTION_PROVIDERS)
    .optional()
    .describe(
      'ONNX: auto (CUDA if installed, else WebGPU if a GPU adapter exists, else CPU), cpu, webgpu or cuda. GGUF: auto, cpu or cuda',
    ),
  backend: z
    .enum(LLAMA_BACKENDS)
    .optional()
    .describe(
      'GGUF only, the llama.cpp backend: auto (CUDA, then Vulkan, then CPU), cpu, vulkan or cuda; an explicit one never falls back',
    ),
  contextSize: z.number().int().min(16).max(131_072).optional().describe('GGUF only: tokens the context holds (default 1024)'),
  promptTokens: z.number().int().min(1).max(131_072).optional().describe('GGUF only: length of the timed prompt (default 128)'),
  generateTokens: z.number().int().min(2).max(4096).optional().describe('GGUF only: tokens generated greedily (default 64)'),
  threads: z.number().int().min(1).max(256).optional().describe('GGUF only: llama.cpp threads (default: the cores useful for math)'),
  batchSize: z.number().int().min(1).max(4096).optional(),
  iterations: z.number().int().min(1).max(1000).optional().describe('Timed runs after the warm-up'),
  warmup: z.number().int().min(0).max(100).optional(),
  dims: z
    .record(z.string().max(100), z.number().int().min(0).max(65_536))
    .optional()
    .describe(
      'Values for symbolic dimensions: by the name the graph gives them ({"sequence_length": 128}), by kind (batch, sequence, ' +
        'past_sequence, height, width, channels, samples: {"height": 640}), or by position for dimensions the graph leaves ' +
        'unnamed, as input.axis ({"x.2": 640, "x.3": 640} for axes 2 and 3 of input x). A position wins over a name, a name ' +
        "over a kind. Image sides nobody gives come from the version's preprocessor_config.json, else 224; the run's inputs " +
        'say where each dimension came from, and a dims_defaulted finding names those nobody gave',
    ),
  inputs: z.record(z.string().max(200), inputSpec).optional().describe('Explicit inputs by name, for models that need them'),
  timeoutSeconds: z.number().int().min(5).max(1800).optional(),
});
export type CreateBenchmarkBody = z.output<typeof createBenchmarkBody>;

export const BENCHMARK_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

const DIMENSION_SOURCES = ['graph', 'request', 'preprocessor_config', 'default'] as const;

/** An input as the runner resolved and stored it (@vetted/inference ResolvedInput). */
export const resolvedInput = z.object({
  name: z.string(),
  dtype: z.string(),
  shape: z.array(z.number()),
  fill: z.string().describe('random, zeros, ones, token_ids, positions, or data (given in the request)'),
  source: z
    .array(z.enum(DIMENSION_SOURCES))
    .optional()
    .describe(
      'Where each dimension of shape came from: fixed in the graph, the request (dims, batchSize, an input shape), ' +
        "the version's preprocessor_config.json, or a default; absent on runs recorded before sources were kept",
    ),
});

/** ONNX runs' metrics. */
const metrics = z.object({
  loadMs: z.number(),
  firstRunMs: z.number(),
  p50Ms: z.number(),
  p90Ms: z.number(),
  p99Ms: z.number(),
  meanMs: z.number(),
  throughput: z.number().describe('Items per second (batch size / mean latency)'),
  peakRssMb: z.number(),
});

/** What a GGUF run measured (@vetted/inference SucceededGgufBenchmark). */
export const ggufOutcome = z.object({
  model: z.object({
    architecture: z.string(),
    name: z.string().optional(),
    fileType: z.string().optional().describe('general.file_type, e.g. MOSTLY_Q4_K_M'),
    trainContextSize: z.number().optional(),
    totalLayers: z.number(),
    parameters: z.number(),
    sizeMb: z.number(),
  }),
  metrics: z.object({
    loadMs: z.number(),
    gpuLayers: z.number().describe('Layers offloaded to the GPU, of totalLayers'),
    totalLayers: z.number(),
    promptMs: z.number(),
    promptTokensPerSecond: z.number(),
    timeToFirstTokenMs: z.number(),
    generatedTokens: z.number(),
    generationTokensPerSecond: z.number(),
    p50Ms: z.number().describe('Median time per generated token'),
    peakRssMb: z.number(),
    vramUsedMb: z.number().optional(),
  }),
  perplexity: z
    .object({ value: z.number(), tokens: z.number(), text: z.string() })
    .describe(
      "Perplexity over Vetted's fixed text (named by text): lower is better; compare only runs of one model's versions or quantizations",
    ),
  completion: z
    .object({ prompt: z.string(), text: z.string(), tokens: z.number(), sha256: z.string() })
    .describe("The greedy completion of a fixed prompt: the run's output fingerprint"),
  chatTemplate: z
    .object({
      present: z.boolean(),
      applied: z.boolean().optional(),
      wrapper: z.string().optional(),
      sha256: z.string().optional(),
      error: z.string().optional(),
    })
    .describe("Whether the model's own chat template (tokenizer.chat_template) shaped the completion prompt"),
});

export const benchmarkView = z.object({
  id: z.string(),
  model: z.string(),
  version: z.string(),
  status: z.enum(BENCHMARK_STATUSES),
  file: z.string(),
  format: z.enum(BENCHMARK_FORMATS).describe('onnx runs with onnxruntime-node, gguf with llama.cpp (node-llama-cpp)'),
  requestedBy: z.string().describe('`auto` for runs queued by a submit or import'),
  requestedByName: z.string().describe("The name of the key that asked, or 'automatic'"),
  executionProvider: z
    .object({
      requested: z.string(),
      actual: z.string().nullable(),
      fallbackReason: z.string().nullable(),
    })
    .describe('The ONNX execution provider, or for GGUF runs the llama.cpp backend'),
  hardware: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('CPU, GPU, driver and onnxruntime (GGUF: node-llama-cpp and llama.cpp) versions of the machine that ran it'),
  settings: z.record(z.string(), z.unknown()).describe('As requested, then as resolved by the runner (batch, dims, input shapes)'),
  inputs: z
    .array(resolvedInput)
    .nullable()
    .describe('What the run measured on: each input with the shape it was fed and where its dimensions came from; null until known'),
  metrics: metrics.nullable().describe('ONNX runs: latency and throughput; null for GGUF runs (see gguf)'),
  gguf: ggufOutcome.nullable().describe('GGUF runs that succeeded: tokens/s, time to first token, perplexity, output fingerprint'),
  outputs: z.array(z.record(z.string(), z.unknown())).nullable().describe('Output names, dtypes, shapes and non-finite value counts'),
  reference: z
    .object({ passed: z.boolean(), maxAbsError: z.number() })
    .nullable()
    .describe('Outputs against the reference tensors the version ships next to the model (test_data_set_0/), when it does'),
  findings: z
    .array(finding)
    .describe(
      'What the run noticed: non-finite outputs, a reference mismatch (critical), unused settings, dimensions nobody gave (dims_defaulted)',
    ),
  error: z.string().nullable(),
  logTail: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type BenchmarkView = z.output<typeof benchmarkView>;

export const benchmarkSummary = z.object({
  version: z.string(),
  best: z
    .array(
      z.object({
        format: z.enum(BENCHMARK_FORMATS),
        executionProvider: z.string(),
        hardware: z.string(),
        p50Ms: z.number().describe('GGUF runs: median time per generated token'),
        tokensPerSecond: z.number().nullable().describe('GGUF runs: generation tokens per second'),
        runId: z.string(),
        file: z.string(),
      }),
    )
    .describe('Lowest p50 latency (for GGUF, per generated token) per format, execution provider or backend, and hardware'),
});
export type BenchmarkSummary = z.output<typeof benchmarkSummary>;

export const compareQuery = z.strictObject({
  base: versionLabel.describe('The version to compare against'),
  head: versionLabel.describe('The version compared'),
});
export type CompareQuery = z.output<typeof compareQuery>;

const comparedRun = z.object({
  runId: z.string(),
  p50Ms: z.number(),
  tokensPerSecond: z.number().nullable().describe('GGUF: generation tokens per second'),
  perplexity: z.number().nullable().describe('GGUF: perplexity over the fixed text'),
  completionSha256: z.string().nullable().describe('GGUF: sha256 of the greedy completion'),
});

export const benchmarkComparison = z.object({
  base: z.string(),
  head: z.string(),
  pairs: z
    .array(
      z.object({
        executionProvider: z.string(),
        hardware: z.string(),
        format: z.enum(BENCHMARK_FORMATS),
        settings: z.record(z.string(), z.unknown()),
        base: comparedRun,
        head: comparedRun,
        speedup: z.number().describe('base p50 / head p50: above 1 means head is faster'),
        perplexityChange: z
          .number()
          .nullable()
          .describe('GGUF: head perplexity / base perplexity − 1; above 0 means head predicts the fixed text worse'),
        sameCompletion: z.boolean().nullable().describe('GGUF: whether both gave the same greedy completion (output fingerprint)'),
      }),
    )
    .describe('Latest succeeded runs of both versions on the same hardware, provider (backend) and settings, per format'),
});
export type BenchmarkComparison = z.output<typeof benchmarkComparison>;

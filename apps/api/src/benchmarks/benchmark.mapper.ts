import type { BenchmarkRun } from '@vetted/db';
import { fileFormat } from '@vetted/domain';
import type { ActorInfo } from '../auth/actor-directory.js';
import { parseStoredRunResult, type StoredRunResult } from '@vetted/lifecycle';
import { z } from 'zod';
import { type BenchmarkView, ggufOutcome, resolvedInput } from './benchmark.schemas.js';

const storedInputs = z.array(resolvedInput);

const resultOf = (run: BenchmarkRun): StoredRunResult => parseStoredRunResult(run.result);

/** A run's format follows from its file's name, as the file's own format does: known before any result. */
export const formatOf = (run: BenchmarkRun): BenchmarkView['format'] => (fileFormat(run.file) === 'gguf' ? 'gguf' : 'onnx');

export function toBenchmarkView(run: BenchmarkRun, model: string, version: string, requester: ActorInfo): BenchmarkView {
  const result = resultOf(run);
  const requested = run.settings as Record<string, unknown>;
  const format = formatOf(run);
  const asked = format === 'gguf' ? (requested.backend ?? requested.executionProvider) : requested.executionProvider;
  return {
    id: run.id,
    model,
    version,
    status: run.status,
    file: run.file,
    format,
    requestedBy: run.requestedBy,
    requestedByName: requester.name,
    executionProvider: {
      // A GGUF run asked for no backend takes the worker's default: its result says which.
      requested: typeof asked === 'string' ? asked : (result.executionProvider?.requested ?? 'auto'),
      actual: result.executionProvider?.actual ?? null,
      fallbackReason: result.executionProvider?.fallbackReason ?? null,
    },
    hardware: result.hardware ?? null,
    settings: { requested, ...(result.settings ? { resolved: result.settings } : {}) },
    inputs: storedInputs.safeParse(result.settings?.inputs).data ?? null,
    metrics: format === 'onnx' ? ((result.metrics as BenchmarkView['metrics'] | undefined) ?? null) : null,
    // Parsed, not cast: a failed run (no metrics) or a result of another shape gives null.
    gguf: format === 'gguf' ? (ggufOutcome.safeParse(run.result).data ?? null) : null,
    outputs: result.outputs ?? null,
    reference: result.reference ? { passed: result.reference.passed, maxAbsError: result.reference.maxAbsError } : null,
    findings: result.findings,
    error: run.error,
    logTail: run.logTail,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** A GGUF run's quality figures, null for ONNX runs. */
export const ggufFigures = (run: BenchmarkRun): { perplexity: number | null; completionSha256: string | null } => {
  const result = resultOf(run);
  return { perplexity: result.perplexity?.value ?? null, completionSha256: result.completion?.sha256 ?? null };
};

/** Runs are comparable when the same provider (backend) ran the same format and settings on the same hardware. */
export function comparisonKey(run: BenchmarkRun): string {
  const resolved = resultOf(run).settings ?? {};
  const settings =
    formatOf(run) === 'gguf'
      ? [resolved.contextSize, resolved.promptTokens, resolved.generateTokens, resolved.threads]
      : [resolved.batchSize ?? null, resolved.dims ?? null];
  return JSON.stringify([formatOf(run), run.executionProvider, run.hardware, ...settings]);
}

/** The settings a comparison pair was matched on. */
export function comparedSettings(run: BenchmarkRun): Record<string, unknown> {
  const resolved = resultOf(run).settings ?? {};
  if (formatOf(run) === 'gguf') {
    const { contextSize, promptTokens, generateTokens, threads } = resolved;
    return { contextSize, promptTokens, generateTokens, threads };
  }
  return { batchSize: resolved.batchSize ?? null, dims: resolved.dims ?? null };
}

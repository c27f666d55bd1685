import type { BenchmarkRun } from '@vetted/db';
import type { ActorInfo } from '../auth/actor-directory.js';
import { z } from 'zod';
import { type BenchmarkView, resolvedInput } from './benchmark.schemas.js';

const storedInputs = z.array(resolvedInput);

/** What the worker stores from the runner's result (see @vetted/inference BenchmarkResult). */
interface StoredResult {
  executionProvider?: { requested?: string; actual?: string; fallbackReason?: string };
  hardware?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  metrics?: BenchmarkView['metrics'];
  outputs?: Record<string, unknown>[];
  reference?: { passed: boolean; maxAbsError: number };
  findings?: BenchmarkView['findings'];
}

export function toBenchmarkView(run: BenchmarkRun, model: string, version: string, requester: ActorInfo): BenchmarkView {
  const result = (run.result ?? {}) as StoredResult;
  const requested = run.settings as Record<string, unknown>;
  return {
    id: run.id,
    model,
    version,
    status: run.status,
    file: run.file,
    requestedBy: run.requestedBy,
    requestedByName: requester.name,
    executionProvider: {
      requested: typeof requested.executionProvider === 'string' ? requested.executionProvider : 'auto',
      actual: result.executionProvider?.actual ?? null,
      fallbackReason: result.executionProvider?.fallbackReason ?? null,
    },
    hardware: result.hardware ?? null,
    settings: { requested, ...(result.settings ? { resolved: result.settings } : {}) },
    inputs: storedInputs.safeParse(result.settings?.inputs).data ?? null,
    metrics: result.metrics ?? null,
    outputs: result.outputs ?? null,
    reference: result.reference ? { passed: result.reference.passed, maxAbsError: result.reference.maxAbsError } : null,
    findings: result.findings ?? [],
    error: run.error,
    logTail: run.logTail,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** Runs are comparable when the same provider ran the same settings on the same hardware. */
export function comparisonKey(run: BenchmarkRun): string {
  const resolved = ((run.result ?? {}) as StoredResult).settings ?? {};
  return JSON.stringify([run.executionProvider, run.hardware, resolved.batchSize ?? null, resolved.dims ?? null]);
}

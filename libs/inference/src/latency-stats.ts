export type LatencySummary = { runs: number; p50Ms: number; p90Ms: number; p99Ms: number; meanMs: number };

/** Nearest-rank percentiles and the mean of run latencies in milliseconds. */
export function summariseLatencies(samplesMs: readonly number[]): LatencySummary {
  if (samplesMs.length === 0) throw new Error('no latency samples');
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const percentile = (q: number): number => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  const sum = sorted.reduce((total, sample) => total + sample, 0);
  return { runs: sorted.length, p50Ms: percentile(0.5), p90Ms: percentile(0.9), p99Ms: percentile(0.99), meanMs: sum / sorted.length };
}

import type { BenchmarkRun } from '@vetted/db';
import { comparisonKey } from './benchmark.mapper.js';

export interface ComparablePair {
  base: BenchmarkRun;
  head: BenchmarkRun;
}

/**
 * The latest succeeded run of each version per hardware, provider and settings, paired where both
 * versions have one: only such pairs say anything about a speed change.
 */
export function comparablePairs(baseRuns: readonly BenchmarkRun[], headRuns: readonly BenchmarkRun[]): ComparablePair[] {
  const base = latestByKey(baseRuns);
  const head = latestByKey(headRuns);
  return [...base].flatMap(([key, baseRun]) => {
    const headRun = head.get(key);
    return headRun ? [{ base: baseRun, head: headRun }] : [];
  });
}

function latestByKey(runs: readonly BenchmarkRun[]): Map<string, BenchmarkRun> {
  const latest = new Map<string, BenchmarkRun>();
  const newestFirst = runs
    .filter((run) => run.status === 'succeeded' && run.p50Ms)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  for (const run of newestFirst) if (!latest.has(comparisonKey(run))) latest.set(comparisonKey(run), run);
  return latest;
}

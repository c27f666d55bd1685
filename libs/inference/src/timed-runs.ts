import type { InferenceSession } from 'onnxruntime-node';

export type TimedRuns = {
  firstRunMs: number;
  /** Outputs of the first run, which the output checks look at. */
  firstOutputs: InferenceSession.ReturnType;
  samplesMs: number[];
};

export type RunPlan = { warmup: number; maxRuns: number; durationMs?: number };

/**
 * The first run (timed on its own), the rest of the warm-up, then timed runs until `maxRuns` or the time
 * budget. Each timed sample is one awaited `session.run`, exactly what a bare loop would measure.
 */
export async function timeRuns(session: InferenceSession, feeds: InferenceSession.FeedsType, plan: RunPlan): Promise<TimedRuns> {
  let started = performance.now();
  const firstOutputs = await session.run(feeds);
  const firstRunMs = performance.now() - started;
  const samplesMs: number[] = [];
  // Without warm-up the first run is also the first timed one.
  if (plan.warmup === 0) samplesMs.push(firstRunMs);
  for (let run = 1; run < plan.warmup; run += 1) await session.run(feeds);
  const deadline = plan.durationMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + plan.durationMs;
  while (samplesMs.length < plan.maxRuns && (samplesMs.length === 0 || performance.now() < deadline)) {
    started = performance.now();
    await session.run(feeds);
    samplesMs.push(performance.now() - started);
  }
  return { firstRunMs, firstOutputs, samplesMs };
}

import type { BenchmarkRun } from '../api/api-types';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The machine a run used, in a few words: its GPU for GPU providers, else its CPU. */
export function hardwareLabel(hardware: BenchmarkRun['hardware'], provider: string | null): string {
  if (!hardware) return 'unknown hardware';
  const gpus = Array.isArray(hardware.gpus) ? hardware.gpus.filter(isObject) : [];
  const gpu = text(gpus[0]?.name);
  if (gpu && provider !== null && provider !== 'cpu') return gpu;
  const cpu = isObject(hardware.cpu) ? hardware.cpu : {};
  const cores = typeof cpu.cores === 'number' ? ` × ${cpu.cores}` : '';
  return `${text(cpu.model) ?? 'unknown CPU'}${cores}`;
}

/** One bar of the latency chart: the best succeeded run of a version on one provider and machine. */
export interface LatencyBar {
  version: string;
  provider: string;
  hardware: string;
  p50Ms: number;
  p90Ms: number;
  runId: string;
}

/**
 * Best p50 per version, provider and hardware, versions in the order given (newest first) and
 * within a version the fastest first: the chart of how latency moved across versions and machines.
 */
export function latencyBars(runs: BenchmarkRun[], versionOrder: string[]): LatencyBar[] {
  const best = new Map<string, LatencyBar>();
  for (const run of runs) {
    if (run.status !== 'succeeded' || !run.metrics) continue;
    const provider = run.executionProvider.actual ?? run.executionProvider.requested;
    const hardware = hardwareLabel(run.hardware, provider);
    const key = JSON.stringify([run.version, provider, hardware]);
    const current = best.get(key);
    if (!current || run.metrics.p50Ms < current.p50Ms) {
      best.set(key, { version: run.version, provider, hardware, p50Ms: run.metrics.p50Ms, p90Ms: run.metrics.p90Ms, runId: run.id });
    }
  }
  const rank = (version: string) => {
    const index = versionOrder.indexOf(version);
    return index === -1 ? versionOrder.length : index;
  };
  return [...best.values()].sort((a, b) => rank(a.version) - rank(b.version) || a.p50Ms - b.p50Ms);
}

export const isRunActive = (run: Pick<BenchmarkRun, 'status'>): boolean => run.status === 'queued' || run.status === 'running';

/** Injection token for Liveness; the worker derives it from VETTED_WORKER_STALE_SECONDS, tests shorten it. */
export const LIVENESS = Symbol('LIVENESS');

/** How running scans, benchmarks and exports prove their worker alive, and how fast others take over. */
export interface Liveness {
  /** How often running work proves its worker alive. */
  heartbeatMs: number;
  /** Work whose heartbeat is older than this lost its worker. */
  staleAfterMs: number;
  /** How often every worker looks for such work. */
  sweepMs: number;
}

/** A dead worker's work is queued again within 1.5 × staleAfterMs: six beats per stale period, two sweeps. */
export function livenessFor(staleAfterMs: number): Liveness {
  return { heartbeatMs: Math.round(staleAfterMs / 6), staleAfterMs, sweepMs: Math.round(staleAfterMs / 2) };
}

export const DEFAULT_LIVENESS: Liveness = livenessFor(60_000);

/** Injection token for ScanTiming; tests shorten it, the worker uses DEFAULT_SCAN_TIMING. */
export const SCAN_TIMING = Symbol('SCAN_TIMING');

export interface ScanTiming {
  /** How often a running scan proves its worker alive. */
  heartbeatMs: number;
  /** A scan whose heartbeat is older than this lost its worker. */
  staleAfterMs: number;
  /** How often every worker looks for such scans. */
  sweepMs: number;
}

/** A dead worker's scan is queued again within staleAfterMs + sweepMs: about a minute and a half. */
export const DEFAULT_SCAN_TIMING: ScanTiming = { heartbeatMs: 10_000, staleAfterMs: 60_000, sweepMs: 30_000 };

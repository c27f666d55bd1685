/** Injection token for ExportTiming; tests lengthen or shorten it, the worker uses DEFAULT_EXPORT_TIMING. */
export const EXPORT_TIMING = Symbol('EXPORT_TIMING');

export interface ExportTiming {
  /** How often a running export proves its worker alive. */
  heartbeatMs: number;
  /** An export whose heartbeat is older than this lost its worker. */
  staleAfterMs: number;
  /** How often every worker looks for such exports and for exports past their retention. */
  sweepMs: number;
}

/** A dead worker's export is queued again within staleAfterMs + sweepMs: about a minute and a half. */
export const DEFAULT_EXPORT_TIMING: ExportTiming = { heartbeatMs: 10_000, staleAfterMs: 60_000, sweepMs: 30_000 };

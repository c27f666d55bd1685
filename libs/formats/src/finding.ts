/**
 * What an inspector tells a reviewer. `critical` blocks approval (code could run, the file lies about
 * itself, or it could not be checked: scanners fail closed); `warning` needs a human look; `info` is context.
 */
export type Severity = 'info' | 'warning' | 'critical';

export interface Finding {
  severity: Severity;
  /** Stable machine-readable code, e.g. `pickle_dangerous_global`. */
  code: string;
  message: string;
  /** What was seen: the offending global, offset, path… Small and JSON-serialisable. */
  evidence?: Record<string, unknown>;
}

/**
 * A file that breaks its format's rules. Parsers throw only this (anything else is a bug); the inspector
 * turns it into a critical finding with the same code.
 */
export class FormatError extends Error {
  override readonly name = 'FormatError';

  constructor(
    readonly code: string,
    message: string,
    readonly evidence?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The critical finding a FormatError stands for, its code and evidence kept; anything else is a bug, rethrown. */
export function criticalFinding(error: unknown): Finding {
  if (!(error instanceof FormatError)) throw error;
  return { severity: 'critical', code: error.code, message: error.message, ...(error.evidence ? { evidence: error.evidence } : {}) };
}

/** What every inspector returns: the facts a reviewer sees, and what to look at. */
export interface Inspection<F> {
  facts: F;
  findings: Finding[];
}

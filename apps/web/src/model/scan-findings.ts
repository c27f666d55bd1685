import type { ScanFinding } from '../api/api-types';

/** A finding from a review's evidence, where it is stored as recorded (untyped JSON). */
export function findingLine(finding: unknown): ScanFinding {
  const record = typeof finding === 'object' && finding !== null ? (finding as Record<string, unknown>) : {};
  const severity = record.severity === 'critical' || record.severity === 'warning' ? record.severity : 'info';
  return {
    severity,
    code: typeof record.code === 'string' ? record.code : 'finding',
    message: typeof record.message === 'string' ? record.message : JSON.stringify(finding),
  };
}

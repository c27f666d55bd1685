import type { Evidence, EvidenceFinding } from '../api/api-types';
import { formatParameters } from '../format/format';
import { findingLine } from '../model/scan-findings';

type Findings = NonNullable<Evidence['findings']>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A tensor of an ONNX signature as facts store it: `input_ids int64 [batch, sequence]`. */
function tensorText(tensor: Record<string, unknown>): string {
  const shape = Array.isArray(tensor.shape)
    ? `[${tensor.shape.map((dim) => (dim === '' || dim === null ? '?' : String(dim))).join(', ')}]`
    : '';
  return [tensor.name, tensor.dtype ?? tensor.type, shape].filter((part) => typeof part === 'string' && part !== '').join(' ');
}

/** A fact's value, before or after, as a reviewer reads it; absent reads as "none". */
export function formatFactValue(fact: string, value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'number') {
    const exact = value.toLocaleString('en');
    return fact === 'parameters' && formatParameters(value) !== String(value) ? `${formatParameters(value)} (${exact})` : exact;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value) && value.every(isObject) && value.every((tensor) => typeof tensor.name === 'string')) {
    return value.map(tensorText).join('; ') || 'none';
  }
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value.join(', ') || 'none';
  if (isObject(value) && Object.values(value).every((entry) => typeof entry === 'number')) {
    return Object.entries(value)
      .map(([key, count]) => `${key}: ${(count as number).toLocaleString('en')}`)
      .join(', ');
  }
  return JSON.stringify(value);
}

/** p50 before / p50 after, in words: "1.25× faster". */
export function speedupText(speedup: number): string {
  if (!Number.isFinite(speedup) || speedup <= 0) return 'not comparable';
  if (Math.abs(speedup - 1) < 0.005) return 'about the same';
  return speedup > 1 ? `${speedup.toFixed(2)}× faster` : `${(1 / speedup).toFixed(2)}× slower`;
}

/**
 * Every finding by severity. Reviews recorded before findings were kept whole only have the critical
 * files' findings: those are read instead, so an old review never looks cleaner than it was.
 */
export function findingsBySeverity(evidence: Pick<Evidence, 'findings' | 'criticalFindings'>): Findings {
  if (evidence.findings) return evidence.findings;
  const critical = evidence.criticalFindings.flatMap((file) =>
    (Array.isArray(file.findings) ? file.findings : [file.findings]).map((finding): EvidenceFinding => ({
      path: file.path,
      ...findingLine(finding),
    })),
  );
  return {
    critical: critical.filter((finding) => finding.severity === 'critical'),
    warning: critical.filter((finding) => finding.severity === 'warning'),
    info: critical.filter((finding) => finding.severity === 'info'),
  };
}

import type { HistoryEvent } from '../api/api-types';
import { formatBytes, formatMs, shortSha } from '../format/format';

const ACTIONS: Record<string, string> = {
  'version.created': 'Created',
  'file.uploaded': 'Uploaded',
  'file.deleted': 'Deleted',
  'version.submitted': 'Submitted for review',
  'import.succeeded': 'Imported',
  'version.scanned': 'Scanned',
  'version.rescan_requested': 'New scan requested',
  'benchmark.requested': 'Benchmark requested',
  'benchmark.succeeded': 'Benchmark succeeded',
  'benchmark.failed': 'Benchmark failed',
  'benchmark.cancelled': 'Benchmark cancelled',
  'version.approved': 'Approved',
  'version.rejected': 'Rejected',
  'version.deprecated': 'Deprecated',
  'version.revoked': 'Revoked',
};

const TONES: Record<string, string> = {
  'version.approved': 'good',
  'benchmark.succeeded': 'good',
  'version.deprecated': 'warn',
  'version.rejected': 'bad',
  'version.revoked': 'bad',
  'benchmark.failed': 'bad',
};

/** What happened, in words: "Approved", "Benchmark failed"; an action this app does not know reads as itself. */
export const actionLabel = (action: string): string => ACTIONS[action] ?? action.replace(/[._]/g, ' ');

/** good, warn, bad or muted: how the event changed the version's standing. */
export const actionTone = (action: string): string => TONES[action] ?? 'muted';

const numberAt = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const textAt = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function scanSummary(data: Record<string, unknown>): string | undefined {
  const statuses = typeof data.statuses === 'object' && data.statuses !== null ? (data.statuses as Record<string, unknown>) : {};
  const counts = Object.entries(statuses).flatMap(([status, value]) => {
    const count = numberAt(value);
    return count ? [`${count} ${status}`] : [];
  });
  const findings = numberAt(data.findings);
  const error = typeof data.error === 'object' && data.error !== null ? textAt((data.error as Record<string, unknown>).message) : undefined;
  const parts = [counts.join(', '), findings !== undefined ? `${findings} finding${findings === 1 ? '' : 's'}` : '', error ?? ''];
  return parts.filter(Boolean).join(' · ') || undefined;
}

/** The one line of detail worth reading next to an event (sizes, digests, latency, the error). */
export function eventDetail(event: Pick<HistoryEvent, 'action' | 'data'>): string | undefined {
  const { data } = event;
  switch (event.action) {
    case 'file.uploaded': {
      const size = numberAt(data.size);
      const sha256 = textAt(data.sha256);
      return (
        [size !== undefined ? formatBytes(size) : '', sha256 ? `sha256 ${shortSha(sha256)}` : ''].filter(Boolean).join(', ') || undefined
      );
    }
    case 'version.submitted': {
      const files = numberAt(data.files);
      const commitSha = textAt(data.commitSha);
      return (
        [files !== undefined ? `${files} file${files === 1 ? '' : 's'}` : '', commitSha ? `at ${shortSha(commitSha)}` : '']
          .filter(Boolean)
          .join(' ') || undefined
      );
    }
    case 'import.succeeded':
      return (
        [textAt(data.repo), textAt(data.commitSha) && `at ${shortSha(textAt(data.commitSha)!)}`].filter(Boolean).join(' ') || undefined
      );
    case 'version.scanned':
      return scanSummary(data);
    case 'benchmark.succeeded': {
      const p50Ms = numberAt(data.p50Ms);
      const provider = textAt(data.executionProvider);
      const hardware = textAt(data.hardware);
      return (
        [p50Ms !== undefined ? `p50 ${formatMs(p50Ms)}` : '', provider ? `on ${provider}` : '', hardware ? `(${hardware})` : '']
          .filter(Boolean)
          .join(' ') || undefined
      );
    }
    case 'benchmark.failed':
      return textAt(data.error);
    case 'version.approved':
      return textAt(data.overrideReason) && `overriding: ${textAt(data.overrideReason)}`;
    default:
      return undefined;
  }
}

/** The file an event is about: its path for file and benchmark events. */
export const eventSubject = (event: Pick<HistoryEvent, 'path' | 'data'>): string | undefined => event.path ?? textAt(event.data.file);

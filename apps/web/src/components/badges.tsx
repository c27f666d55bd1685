import type { CommercialUse, DeliveryStatus, ImportJob, ScanStatus, VersionStatus } from '../api/api-types';

const COMMERCIAL: Record<CommercialUse, { label: string; tone: string }> = {
  yes: { label: 'commercial use allowed', tone: 'good' },
  conditional: { label: 'commercial use with conditions', tone: 'warn' },
  no: { label: 'non-commercial only', tone: 'bad' },
  unknown: { label: 'terms unknown', tone: 'muted' },
};

const COMMERCIAL_USES: readonly string[] = Object.keys(COMMERCIAL);

/** The API sends some verdicts as plain strings: anything it does not know reads as unknown. */
export const asCommercialUse = (value: string | null | undefined): CommercialUse | undefined =>
  value === null || value === undefined ? undefined : COMMERCIAL_USES.includes(value) ? (value as CommercialUse) : 'unknown';

/** The license id with its commercial verdict, e.g. "apache-2.0 · commercial use allowed". */
export function LicenseBadge({ license, commercialUse }: { license: string | null; commercialUse: CommercialUse | undefined }) {
  if (!license) return <span className="badge badge-muted">no license</span>;
  const verdict = commercialUse ? COMMERCIAL[commercialUse] : undefined;
  return (
    <span className={`badge badge-${verdict?.tone ?? 'muted'}`}>
      <span className="badge-license">{license}</span>
      {verdict && <span className="badge-verdict"> · {verdict.label}</span>}
    </span>
  );
}

const STATUS_TONE: Record<string, string> = {
  approved: 'good',
  succeeded: 'good',
  clean: 'good',
  stored: 'good',
  pending_review: 'warn',
  queued: 'muted',
  running: 'info',
  downloading: 'info',
  pending: 'muted',
  draft: 'muted',
  warning: 'warn',
  deprecated: 'warn',
  skipped: 'muted',
  rejected: 'bad',
  revoked: 'bad',
  failed: 'bad',
  critical: 'bad',
  error: 'bad',
  cancelled: 'muted',
};

type AnyStatus = VersionStatus | ImportJob['status'] | ImportJob['files'][number]['status'] | ScanStatus | DeliveryStatus;

export function StatusBadge({ status, label }: { status: AnyStatus; label?: string }) {
  return <span className={`badge badge-${STATUS_TONE[status] ?? 'muted'}`}>{label ?? status.replace('_', ' ')}</span>;
}

import type { VersionSummary } from '../api/api-types';
import { ActorName } from '../components/actor-name';
import { formatDate } from '../format/format';

const NOTICES: Partial<Record<VersionSummary['status'], { tone: string; title: string; consequence: string }>> = {
  revoked: { tone: 'error', title: 'Revoked', consequence: 'Its files can no longer be downloaded, here or through /hf.' },
  deprecated: { tone: 'warn', title: 'Deprecated', consequence: 'Its files can still be downloaded; prefer a newer version.' },
  rejected: { tone: 'error', title: 'Rejected', consequence: 'It was not approved for use.' },
};

/** Why a version may no longer (or never) be used: who said so, when, and their reason. */
export function VersionStatusNotice({ version }: { version: VersionSummary }) {
  const notice = NOTICES[version.status];
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.tone} version-status-notice`} role="note">
      <p>
        <strong>{notice.title}</strong>
        {version.statusChangedAt && <> {formatDate(version.statusChangedAt)}</>}
        {version.statusChangedBy && (
          <>
            {' '}
            by <ActorName actor={version.statusChangedBy} name={version.statusChangedByName} />
          </>
        )}
        {version.statusReason ? (
          <>
            : <q>{version.statusReason}</q>
          </>
        ) : (
          '.'
        )}
      </p>
      <p className="small">{notice.consequence}</p>
    </div>
  );
}

import { Link } from 'wouter';
import type { VersionSummary } from '../api/api-types';
import { ActorName } from '../components/actor-name';
import { StatusBadge } from '../components/badges';
import { Empty } from '../components/status-views';
import { formatDate, shortSha } from '../format/format';

/** Who approved, rejected, deprecated or revoked the version, when, and why. */
function StatusChange({ version }: { version: VersionSummary }) {
  if (!version.statusChangedAt && !version.statusReason) return null;
  return (
    <p className="small status-change">
      {version.statusChangedAt && formatDate(version.statusChangedAt)}
      {version.statusChangedBy && (
        <>
          {' '}
          by <ActorName actor={version.statusChangedBy} name={version.statusChangedByName} />
        </>
      )}
      {version.statusReason && (
        <>
          : <q>{version.statusReason}</q>
        </>
      )}
    </p>
  );
}

export function VersionsPanel({ repo, versions, selected }: { repo: string; versions: VersionSummary[]; selected: string | undefined }) {
  return (
    <section className="panel" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      {versions.length === 0 ? (
        <Empty title="No versions yet" />
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Commit</th>
                <th scope="col">License</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.version} aria-current={version.version === selected ? 'true' : undefined}>
                  <td>
                    <Link href={`/models/${repo}?version=${encodeURIComponent(version.version)}`}>{version.version}</Link>
                  </td>
                  <td>
                    <StatusBadge status={version.status} />
                    <StatusChange version={version} />
                  </td>
                  <td>{version.commitSha ? <code title={version.commitSha}>{shortSha(version.commitSha)}</code> : '—'}</td>
                  <td>{version.license ?? '—'}</td>
                  <td>
                    {formatDate(version.createdAt)}{' '}
                    <span className="muted">
                      by <ActorName actor={version.createdBy} name={version.createdByName} />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

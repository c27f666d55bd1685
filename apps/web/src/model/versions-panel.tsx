import { Link } from 'wouter';
import type { VersionSummary } from '../api/api-types';
import { ActorName } from '../components/actor-name';
import { StatusBadge } from '../components/badges';
import { Empty } from '../components/status-views';
import { formatDate, shortSha } from '../format/format';
import { ScrollRegion } from '../components/scroll-region';

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
        <ScrollRegion label="Versions">
          <table className="stacked-table">
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
                  <td data-label="Version">
                    <Link href={`/models/${repo}?version=${encodeURIComponent(version.version)}`}>{version.version}</Link>
                  </td>
                  <td data-label="Status">
                    <StatusBadge status={version.status} />
                    <StatusChange version={version} />
                  </td>
                  <td data-label="Commit">
                    {version.commitSha ? <code title={version.commitSha}>{shortSha(version.commitSha)}</code> : '—'}
                  </td>
                  <td data-label="License">{version.license ?? '—'}</td>
                  <td data-label="Created">
                    {formatDate(version.createdAt)}{' '}
                    <span className="muted">
                      by <ActorName actor={version.createdBy} name={version.createdByName} />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

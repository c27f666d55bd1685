import { useQuery } from '@tanstack/react-query';
import { dataOf } from '../api/api-error';
import type { ScanFinding } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { StatusBadge } from '../components/badges';
import { Empty, QueryView } from '../components/status-views';
import { formatDate } from '../format/format';
import { useLive } from '../live/live-updates';

const SEVERITY_TONE: Record<ScanFinding['severity'], string> = { critical: 'bad', warning: 'warn', info: 'muted' };

export function FindingItem({ finding, path }: { finding: ScanFinding; path?: string }) {
  return (
    <li className={`finding finding-${finding.severity}`}>
      <span className={`badge badge-${SEVERITY_TONE[finding.severity]}`}>{finding.severity}</span> {path && <code>{path}: </code>}
      {finding.message} <code className="muted small">{finding.code}</code>
    </li>
  );
}

export function ScanPanel({ namespace, name, version }: { namespace: string; name: string; version: string }) {
  const api = useApi();
  const live = useLive();
  const scan = useQuery({
    queryKey: ['scan', namespace, name, version],
    queryFn: () =>
      dataOf(api.GET('/v1/models/{namespace}/{name}/versions/{version}/scan', { params: { path: { namespace, name, version } } })),
    // A scan takes seconds after a submit or import: follow it until it is done, by its version.scanned event
    // while the live stream is up, by polling when it is not (viewers, a dropped connection).
    refetchInterval: (query) => (!live && query.state.data?.status === 'pending' ? 2000 : false),
  });
  return (
    <section className="panel" aria-labelledby="scan-title">
      <h2 id="scan-title">Scan</h2>
      <QueryView query={scan} label="Loading scan results…">
        {(report) =>
          report.files.length === 0 ? (
            <Empty title="Nothing to scan: this version has no files" />
          ) : (
            <>
              <p className="scan-summary">
                <StatusBadge status={report.status} />{' '}
                {report.scannedAt
                  ? `Scanned ${formatDate(report.scannedAt)}.`
                  : 'Waiting for the scanner: files are inspected after a submit or import.'}{' '}
                <span className="muted">
                  {Object.entries(report.counts)
                    .filter(([, count]) => count > 0)
                    .map(([status, count]) => `${count} ${status}`)
                    .join(', ')}
                </span>
              </p>
              <ul className="scan-list">
                {report.files.map((file) => (
                  <li key={file.path}>
                    <p>
                      <code>{file.path}</code> {file.format && <span className="muted small">{file.format}</span>}{' '}
                      <StatusBadge status={file.status} />
                    </p>
                    {file.findings.length > 0 ? (
                      <ul className="findings">
                        {file.findings.map((finding, index) => (
                          <FindingItem key={`${finding.code}-${index}`} finding={finding} />
                        ))}
                      </ul>
                    ) : (
                      <p className="muted small">{file.status === 'pending' ? 'Not scanned yet.' : 'No findings.'}</p>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </QueryView>
    </section>
  );
}

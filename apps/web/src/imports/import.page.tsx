import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { dataOf } from '../api/api-error';
import type { ImportJob } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { ActorName } from '../components/actor-name';
import { StatusBadge } from '../components/badges';
import { ProgressBar } from '../components/progress-bar';
import { ErrorNotice, QueryView } from '../components/status-views';
import { formatBytes, formatDate, shortSha } from '../format/format';
import { usePageTitle } from '../layout/use-page-title';
import { ImportFailureNotice } from './import-failure-notice';
import { isActive, POLL_MS } from './import-status';

export function ImportPage({ id }: { id: string }) {
  usePageTitle('Import');
  const api = useApi();
  const job = useQuery({
    queryKey: ['import', id],
    queryFn: () => dataOf(api.GET('/v1/imports/{id}', { params: { path: { id } } })),
    // Byte progress has no event: poll while it runs. How it ends comes with import.succeeded/failed as well.
    refetchInterval: (query) => (query.state.data && isActive(query.state.data) ? POLL_MS : false),
  });
  return (
    <div className="import-page">
      <p className="breadcrumb">
        <Link href="/imports">Imports</Link> / {id}
      </p>
      {job.isError && <h1>Import</h1>}
      <QueryView query={job} label="Loading the import…">
        {(data) => <ImportDetail job={data} />}
      </QueryView>
    </div>
  );
}

function ImportDetail({ job }: { job: ImportJob }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => dataOf(api.POST('/v1/imports/{id}/cancel', { params: { path: { id: job.id } } })),
    onSuccess: (updated) => queryClient.setQueryData(['import', job.id], updated),
  });
  return (
    <>
      <h1>
        Import of {job.repo}@{job.revision}
      </h1>
      <p className="import-summary" aria-live="polite">
        <StatusBadge status={job.status} /> into{' '}
        <strong>
          {job.namespace}/{job.name}
        </strong>
        {job.commitSha && (
          <>
            {' '}
            at commit <code title={job.commitSha}>{shortSha(job.commitSha)}</code>
          </>
        )}
      </p>
      {/* An import that ended shows how far it got, without the moving bar of one in progress. */}
      {(isActive(job) || job.bytesTotal !== null) && <ProgressBar done={job.bytesDone} total={job.bytesTotal} label="Import progress" />}
      {job.status === 'succeeded' && (
        <p className="notice notice-good">
          Imported: the version waits for review.{' '}
          <Link href={`/models/${job.namespace}/${job.name}${job.version ? `?version=${encodeURIComponent(job.version)}` : ''}`}>
            Open {job.namespace}/{job.name}
            {job.version ? ` ${job.version}` : ''}
          </Link>
        </p>
      )}
      {job.errorKind && <ImportFailureNotice job={job} kind={job.errorKind} />}
      {isActive(job) && (
        <button type="button" className="button-danger" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          Cancel import
        </button>
      )}
      {cancel.isError && <ErrorNotice title="Could not cancel" error={cancel.error} />}
      <h2>Files</h2>
      {job.files.length === 0 ? (
        <p className="muted">{isActive(job) ? 'Listing the repository…' : 'No files.'}</p>
      ) : (
        <ul className="import-files">
          {job.files.map((file) => (
            <li key={file.path}>
              <span className="import-file-name">
                <code>{file.path}</code> <StatusBadge status={file.status} />
              </span>
              {file.status === 'downloading' && isActive(job) ? (
                <ProgressBar done={file.bytesDone} total={file.size} label={`Progress of ${file.path}`} />
              ) : (
                <span className="muted small">{formatBytes(file.size)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">
        Started {formatDate(job.createdAt)} by <ActorName actor={job.createdBy} name={job.createdByName} />
        {job.finishedAt && `, finished ${formatDate(job.finishedAt)}`}.
      </p>
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { dataOf } from '../api/api-error';
import { useApi } from '../auth/auth-context';
import { ActorName } from '../components/actor-name';
import { StatusBadge } from '../components/badges';
import { ProgressBar } from '../components/progress-bar';
import { Empty, QueryView } from '../components/status-views';
import { formatDate } from '../format/format';
import { usePageTitle } from '../layout/use-page-title';
import { FAILURE_WORDS } from './import-failure';
import { ImportForm } from './import-form';
import { isActive } from './import-status';

export function ImportsPage() {
  usePageTitle('Imports');
  const api = useApi();
  const imports = useQuery({
    queryKey: ['imports'],
    queryFn: () => dataOf(api.GET('/v1/imports', { params: { query: { limit: 20 } } })),
    // Byte progress has no event: poll while an import runs. How it ends comes with import.succeeded/failed.
    refetchInterval: (query) => (query.state.data?.items.some(isActive) ? 2000 : false),
  });
  return (
    <div className="imports">
      <h1>Imports</h1>
      <div className="imports-layout">
        <ImportForm />
        <section aria-labelledby="recent-imports-title">
          <h2 id="recent-imports-title">Recent imports</h2>
          <QueryView query={imports} label="Loading imports…">
            {({ items }) =>
              items.length === 0 ? (
                <Empty title="No imports yet">
                  <p>Start one with the form: the worker fetches the files, checks their hashes and creates a version for review.</p>
                </Empty>
              ) : (
                <ul className="import-list">
                  {items.map((job) => (
                    <li key={job.id}>
                      <Link href={`/imports/${job.id}`}>
                        {job.repo}@{job.revision}
                      </Link>{' '}
                      <StatusBadge status={job.status} />
                      {job.errorKind && job.errorKind !== 'cancelled' && (
                        <span className="small"> {FAILURE_WORDS[job.errorKind].title}</span>
                      )}
                      <span className="muted small">
                        {' '}
                        {formatDate(job.createdAt)} by <ActorName actor={job.createdBy} name={job.createdByName} />
                      </span>
                      {isActive(job) && <ProgressBar done={job.bytesDone} total={job.bytesTotal} label={`Progress of ${job.repo}`} />}
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryView>
        </section>
      </div>
    </div>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { dataOf } from '../api/api-error';
import type { ImportJob } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { ErrorNotice } from '../components/status-views';
import { FAILURE_WORDS, sameRequest } from './import-failure';

/**
 * How a failed or cancelled import ended: the kind in words with what to do, the worker's message once, and
 * the two ways on: the same request again, or the import off the list.
 */
export function ImportFailureNotice({ job, kind }: { job: ImportJob; kind: NonNullable<ImportJob['errorKind']> }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const words = FAILURE_WORDS[kind];
  const retry = useMutation({
    mutationFn: () => dataOf(api.POST('/v1/imports', { body: sameRequest(job) })),
    onSuccess: async (next) => {
      await queryClient.invalidateQueries({ queryKey: ['imports'] });
      navigate(`/imports/${next.id}`);
    },
  });
  const remove = useMutation({
    mutationFn: () => dataOf(api.DELETE('/v1/imports/{id}', { params: { path: { id: job.id } } })),
    onSuccess: () => {
      // The list shows at once without it, before its refetch comes back.
      queryClient.setQueryData<{ items: ImportJob[] }>(
        ['imports'],
        (list) => list && { ...list, items: list.items.filter((item) => item.id !== job.id) },
      );
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      navigate('/imports');
    },
  });
  const busy = retry.isPending || remove.isPending;
  return (
    <div className={`notice ${kind === 'cancelled' ? 'notice-warn' : 'notice-error'} import-failure`} role="alert">
      <p>
        <strong>{words.title}.</strong> {words.advice}
      </p>
      {job.error && (
        <p className="import-error">
          The worker said: <q>{job.error}</q>
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => retry.mutate()} disabled={busy}>
          {retry.isPending ? 'Retrying…' : 'Retry'}
        </button>
        <button type="button" className="button-secondary" onClick={() => remove.mutate()} disabled={busy}>
          {remove.isPending ? 'Removing…' : 'Remove'}
        </button>
      </div>
      {retry.isError && <ErrorNotice title="The import was not started again" error={retry.error} />}
      {remove.isError && <ErrorNotice title="The import was not removed" error={remove.error} />}
    </div>
  );
}

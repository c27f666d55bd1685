import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { dataOf } from '../api/api-error';
import type { WebhookRequest } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { ErrorNotice } from '../components/status-views';
import { OneTimeSecret } from './one-time-secret';
import { EMPTY_DRAFT, requestOf } from './webhook-draft';
import { WebhookFields } from './webhook-fields';

export function WebhookCreateForm() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(EMPTY_DRAFT);

  const create = useMutation({
    mutationFn: (request: WebhookRequest) => dataOf(api.POST('/v1/webhooks', { body: request })),
    onSuccess: async () => {
      setDraft(EMPTY_DRAFT);
      await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(requestOf(draft));
  };

  return (
    <form className="webhook-form" onSubmit={submit} aria-labelledby="webhook-create-title">
      <h2 id="webhook-create-title">New webhook</h2>
      {create.data && (
        <>
          <OneTimeSecret title="Webhook created. Its signing secret:" secret={create.data.secret} onDismiss={() => create.reset()} />
          <p>
            <Link href={`/webhooks/${create.data.id}`}>Open the new webhook</Link>
          </p>
        </>
      )}
      <WebhookFields idPrefix="webhook-new" draft={draft} onChange={setDraft} />
      {create.isError && <ErrorNotice title="The webhook was not created" error={create.error} />}
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create webhook'}
      </button>
    </form>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { dataOf } from '../api/api-error';
import type { Webhook, WebhookUpdate } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { ErrorNotice } from '../components/status-views';
import { draftOf, requestOf } from './webhook-draft';
import { WebhookFields } from './webhook-fields';

export function WebhookEditForm({ webhook }: { webhook: Webhook }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(webhook));

  const save = useMutation({
    mutationFn: (update: WebhookUpdate) => dataOf(api.PATCH('/v1/webhooks/{id}', { params: { path: { id: webhook.id } }, body: update })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['webhook', webhook.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(requestOf(draft));
  };

  return (
    <details className="panel webhook-settings">
      <summary>Edit settings</summary>
      <form onSubmit={submit} aria-label="Webhook settings">
        <WebhookFields idPrefix="webhook-edit" draft={draft} onChange={setDraft} />
        {save.isError && <ErrorNotice title="The changes were not saved" error={save.error} />}
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save changes'}
          </button>
          {save.isSuccess && !save.isPending && (
            <span className="small" role="status">
              Saved.
            </span>
          )}
        </div>
      </form>
    </details>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { dataOf } from '../api/api-error';
import type { Webhook } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorNotice } from '../components/status-views';
import { OneTimeSecret } from './one-time-secret';

/** Turning the webhook on or off, a new signing secret, and deleting it. */
export function WebhookActions({ webhook }: { webhook: Webhook }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const path = { params: { path: { id: webhook.id } } };

  const setEnabled = useMutation({
    mutationFn: (enabled: boolean) => dataOf(api.PATCH('/v1/webhooks/{id}', { ...path, body: { enabled } })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['webhook', webhook.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    },
  });
  const rotate = useMutation({ mutationFn: () => dataOf(api.POST('/v1/webhooks/{id}/rotate-secret', path)) });
  const remove = useMutation({
    mutationFn: () => dataOf(api.DELETE('/v1/webhooks/{id}', path)),
    onSuccess: async () => {
      navigate('/webhooks');
      queryClient.removeQueries({ queryKey: ['webhook', webhook.id] });
      await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    },
  });
  const failed = [setEnabled, rotate, remove].find((mutation) => mutation.isError);

  return (
    <section className="panel" aria-labelledby="webhook-actions-title">
      <h2 id="webhook-actions-title">Actions</h2>
      {rotate.data && <OneTimeSecret title="New signing secret:" secret={rotate.data.secret} onDismiss={() => rotate.reset()} />}
      {failed && <ErrorNotice title="That did not work" error={failed.error} />}
      <div className="actions">
        <button
          type="button"
          className="button-secondary"
          disabled={setEnabled.isPending}
          onClick={() => setEnabled.mutate(!webhook.enabled)}
        >
          {webhook.enabled ? 'Disable' : 'Enable'}
        </button>
        <ConfirmButton
          label="Rotate secret"
          question="Make a new secret? The old one stops working at once."
          confirmLabel="Rotate"
          disabled={rotate.isPending}
          onConfirm={() => rotate.mutate()}
        />
        <ConfirmButton
          label="Delete"
          question="Delete this webhook and its delivery log?"
          confirmLabel="Delete webhook"
          danger
          disabled={remove.isPending}
          onConfirm={() => remove.mutate()}
        />
      </div>
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { ApiError, dataOf } from '../api/api-error';
import { useApi } from '../auth/auth-context';
import { Empty, QueryView } from '../components/status-views';
import { formatDate } from '../format/format';
import { usePageTitle } from '../layout/use-page-title';
import { DeliveryLog } from './delivery-log';
import { WebhookActions } from './webhook-actions';
import { eventsText } from './webhook-draft';
import { WebhookEditForm } from './webhook-edit-form';
import { WebhookState } from './webhook-state';

export function WebhookPage({ id }: { id: string }) {
  usePageTitle('Webhook');
  const api = useApi();
  const webhook = useQuery({
    queryKey: ['webhook', id],
    queryFn: () => dataOf(api.GET('/v1/webhooks/{id}', { params: { path: { id } } })),
  });
  // A deleted webhook, or a link with a typo: say so instead of an error.
  if (webhook.error instanceof ApiError && (webhook.error.status === 404 || webhook.error.status === 400)) {
    return (
      <Empty title="There is no such webhook" page>
        <Link href="/webhooks">All webhooks</Link>
      </Empty>
    );
  }
  return (
    <div className="webhook">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/webhooks">Webhooks</Link>
      </nav>
      <QueryView query={webhook} label="Loading the webhook…">
        {(hook) => (
          <>
            <h1 className="webhook-title">{hook.url}</h1>
            <p className="webhook-summary">
              <WebhookState webhook={hook} />{' '}
              <span className="muted small">
                {eventsText(hook.events)} · {hook.namespace ?? 'every namespace'} · created {formatDate(hook.createdAt)} by{' '}
                {hook.createdByName}
                {hook.consecutiveFailures > 0 && ` · ${hook.consecutiveFailures} failed attempts in a row`}
              </span>
            </p>
            {hook.description && <p>{hook.description}</p>}
            <WebhookActions webhook={hook} />
            <WebhookEditForm webhook={hook} />
            <DeliveryLog webhook={hook} />
          </>
        )}
      </QueryView>
    </div>
  );
}

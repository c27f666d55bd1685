import { Link } from 'wouter';
import type { Webhook } from '../api/api-types';
import { StatusBadge } from '../components/badges';
import { formatDate } from '../format/format';
import { useDeliveries } from './use-deliveries';
import { eventsText } from './webhook-draft';
import { WebhookState } from './webhook-state';

function LastDelivery({ webhookId }: { webhookId: string }) {
  const deliveries = useDeliveries(webhookId, { limit: 1 });
  const last = deliveries.data?.items[0];
  if (deliveries.isError) return <span className="muted">last delivery unknown</span>;
  if (!last) return <span className="muted">{deliveries.isPending ? 'loading…' : 'no deliveries yet'}</span>;
  return (
    <span>
      last delivery <StatusBadge status={last.status} /> <span className="muted">{formatDate(last.createdAt)}</span>
    </span>
  );
}

export function WebhookRow({ webhook }: { webhook: Webhook }) {
  return (
    <li className="webhook-row">
      <p className="webhook-row-url">
        <Link href={`/webhooks/${webhook.id}`}>{webhook.url}</Link>
      </p>
      {webhook.description && <p className="webhook-row-description">{webhook.description}</p>}
      <dl className="webhook-facts small">
        <dt>Events</dt>
        <dd>{eventsText(webhook.events)}</dd>
        <dt>Namespace</dt>
        <dd>{webhook.namespace ?? 'every namespace'}</dd>
        <dt>State</dt>
        <dd>
          <WebhookState webhook={webhook} />
        </dd>
        <dt>Deliveries</dt>
        <dd>
          <LastDelivery webhookId={webhook.id} />
        </dd>
      </dl>
    </li>
  );
}

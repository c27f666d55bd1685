import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf } from '../api/api-error';
import type { Webhook, WebhookDelivery } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { StatusBadge } from '../components/badges';
import { Empty, ErrorNotice, Loading } from '../components/status-views';
import { formatDate, formatMs } from '../format/format';
import { useDeliveries } from './use-deliveries';
import { ScrollRegion } from '../components/scroll-region';
import { CursorPager, type PageCursors } from '../components/cursor-pager';

const PAGE_SIZE = 20;

function DeliveryRow({
  delivery,
  canRedeliver,
  onRedeliver,
}: {
  delivery: WebhookDelivery;
  canRedeliver: boolean;
  onRedeliver: () => void;
}) {
  return (
    <tr>
      <td data-label="Event">
        <code>{delivery.eventType}</code>
        <span className="muted small delivery-time">
          {formatDate(delivery.createdAt)}
          {delivery.redeliveryOf && ` · redelivery asked by ${delivery.requestedByName}`}
        </span>
      </td>
      <td data-label="Status">
        <StatusBadge status={delivery.status} />
      </td>
      <td data-label="Response" className="numeric">
        {delivery.responseStatus ?? '—'}
      </td>
      <td data-label="Duration" className="numeric">
        {delivery.durationMs === null ? '—' : formatMs(delivery.durationMs)}
      </td>
      <td data-label="Attempts" className="numeric">
        {delivery.attempts}
      </td>
      <td data-label="Next try">{delivery.nextAttemptAt && delivery.status === 'pending' ? formatDate(delivery.nextAttemptAt) : '—'}</td>
      <td data-label="Error" className="delivery-error">
        {delivery.error ?? ''}
      </td>
      <td className="delivery-action">
        <button type="button" className="button-secondary button-small" disabled={!canRedeliver} onClick={onRedeliver}>
          Redeliver
        </button>
      </td>
    </tr>
  );
}

/** The webhook's deliveries, newest first, paged, each with a button to send its event again. */
export function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const api = useApi();
  const queryClient = useQueryClient();
  // Cursors of the pages before the current one, so "Previous" can go back.
  const [cursors, setCursors] = useState<PageCursors>([undefined]);
  const page = useDeliveries(webhook.id, { limit: PAGE_SIZE, cursor: cursors.at(-1) });

  const redeliver = useMutation({
    mutationFn: (deliveryId: string) =>
      dataOf(api.POST('/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id: webhook.id, deliveryId } } })),
    onSuccess: async () => {
      setCursors([undefined]);
      await queryClient.invalidateQueries({ queryKey: ['webhook-deliveries', webhook.id] });
    },
  });

  return (
    <section className="panel" aria-labelledby="delivery-log-title" aria-busy={page.isFetching}>
      <h2 id="delivery-log-title">Delivery log</h2>
      {!webhook.enabled && <p className="muted small">Enable the webhook to redeliver.</p>}
      {redeliver.isError && <ErrorNotice title="The event was not redelivered" error={redeliver.error} />}
      {redeliver.isSuccess && (
        <p className="small" role="status">
          Redelivery queued.
        </p>
      )}
      {page.isPending ? (
        <Loading label="Loading deliveries…" />
      ) : page.isError ? (
        <ErrorNotice error={page.error} onRetry={() => void page.refetch()} />
      ) : page.data.items.length === 0 ? (
        <Empty title="No deliveries yet">
          <p>Each matching event is sent within seconds; this log shows every attempt's outcome.</p>
        </Empty>
      ) : (
        <ScrollRegion label="Deliveries">
          <table className="delivery-table">
            <caption className="visually-hidden">Deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Response</th>
                <th scope="col">Duration</th>
                <th scope="col">Attempts</th>
                <th scope="col">Next try</th>
                <th scope="col">Error</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((delivery) => (
                <DeliveryRow
                  key={delivery.id}
                  delivery={delivery}
                  canRedeliver={webhook.enabled && !redeliver.isPending}
                  onRedeliver={() => redeliver.mutate(delivery.id)}
                />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {page.data && <CursorPager label="Delivery pages" cursors={cursors} nextCursor={page.data.nextCursor} onChange={setCursors} />}
    </section>
  );
}

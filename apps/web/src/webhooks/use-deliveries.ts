import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dataOf } from '../api/api-error';
import { useApi } from '../auth/auth-context';

/** Attempts have no event of their own: a page showing deliveries asks again this often while it is visible. */
const DELIVERY_POLL_MS = 3000;

/** One page of a webhook's delivery log, newest first. */
export function useDeliveries(webhookId: string, page: { limit: number; cursor?: string | undefined }) {
  const api = useApi();
  const query = { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}) };
  return useQuery({
    queryKey: ['webhook-deliveries', webhookId, query],
    queryFn: () => dataOf(api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: webhookId }, query } })),
    placeholderData: keepPreviousData,
    refetchInterval: DELIVERY_POLL_MS,
  });
}

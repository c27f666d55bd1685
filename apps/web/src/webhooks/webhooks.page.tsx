import { useQuery } from '@tanstack/react-query';
import { dataOf } from '../api/api-error';
import { useApi } from '../auth/auth-context';
import { Empty, QueryView } from '../components/status-views';
import { usePageTitle } from '../layout/use-page-title';
import { WebhookCreateForm } from './webhook-create-form';
import { WebhookRow } from './webhook-row';

export function WebhooksPage() {
  usePageTitle('Webhooks');
  const api = useApi();
  const webhooks = useQuery({ queryKey: ['webhooks'], queryFn: () => dataOf(api.GET('/v1/webhooks')) });
  return (
    <div className="webhooks">
      <h1>Webhooks</h1>
      <div className="webhooks-layout">
        <section aria-labelledby="webhook-list-title">
          <h2 id="webhook-list-title">Subscribed URLs</h2>
          <QueryView query={webhooks} label="Loading webhooks…">
            {({ items }) =>
              items.length === 0 ? (
                <Empty title="No webhooks yet">
                  <p>Add one with the form: Vetted POSTs each matching event to its URL, signed, and retries for over a day.</p>
                </Empty>
              ) : (
                <ul className="webhook-list">
                  {items.map((webhook) => (
                    <WebhookRow key={webhook.id} webhook={webhook} />
                  ))}
                </ul>
              )
            }
          </QueryView>
        </section>
        <WebhookCreateForm />
      </div>
    </div>
  );
}

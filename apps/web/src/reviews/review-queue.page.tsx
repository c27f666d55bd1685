import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf } from '../api/api-error';
import { useApi } from '../auth/auth-context';
import { Empty, QueryView } from '../components/status-views';
import { usePageTitle } from '../layout/use-page-title';
import { ReviewItem } from './review-item';

export function ReviewQueuePage() {
  usePageTitle('Review queue');
  const api = useApi();
  // No polling: the live stream refreshes it on the events that change it (see live/queries-to-refresh.ts).
  const queue = useQuery({ queryKey: ['review-queue'], queryFn: () => dataOf(api.GET('/v1/reviews/queue')) });
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="review-queue">
      <h1>Review queue</h1>
      <p className="muted">Versions waiting for a decision, oldest first, with the evidence the decision will record.</p>
      <p role="status" className={done ? 'notice notice-good' : 'visually-hidden'}>
        {done}
      </p>
      <QueryView query={queue} label="Loading the queue…">
        {({ items }) =>
          items.length === 0 ? (
            <Empty title="Nothing is waiting for review" />
          ) : (
            <ol className="queue-list">
              {items.map((item) => (
                <ReviewItem key={`${item.model}@${item.version}`} item={item} onDecided={setDone} />
              ))}
            </ol>
          )
        }
      </QueryView>
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { dataOf } from '../api/api-error';
import type { HistoryEvent, Review } from '../api/api-types';
import { useApi } from '../auth/auth-context';
import { ActorName } from '../components/actor-name';
import { Empty, QueryView } from '../components/status-views';
import { formatDate } from '../format/format';
import { ReviewEvidence } from '../reviews/review-evidence';
import { actionLabel, actionTone, eventDetail, eventSubject } from './history-events';

function EventItem({ event }: { event: HistoryEvent }) {
  const subject = eventSubject(event);
  const detail = eventDetail(event);
  return (
    <li className={`history-event history-${actionTone(event.action)}`}>
      <time dateTime={event.at} className="small muted">
        {formatDate(event.at)}
      </time>
      <div>
        <p className="history-what">
          <strong>{actionLabel(event.action)}</strong> {subject && <code>{subject}</code>}
        </p>
        <p className="small muted">
          by <ActorName actor={event.actor} name={event.actorName} role={event.actorRole} />
          {detail && <> · {detail}</>}
        </p>
        {event.comment && <blockquote className="history-comment">{event.comment}</blockquote>}
      </div>
    </li>
  );
}

/** The evidence each decision was taken on, as it was recorded then. */
function DecisionEvidence({ reviews }: { reviews: Review[] }) {
  if (reviews.length === 0) return null;
  return (
    <>
      <h3>Evidence of the decisions</h3>
      {reviews.map((review) => (
        <details key={review.id} className="decision-evidence">
          <summary>
            {review.decision === 'approved' ? 'Approval' : 'Rejection'} by{' '}
            <ActorName actor={review.reviewer} name={review.reviewerName} role={review.reviewerRole} />, {formatDate(review.createdAt)}
          </summary>
          {review.overrideReason && (
            <p className="notice notice-warn">
              Approved past blockers: <em>{review.overrideReason}</em>
            </p>
          )}
          <ReviewEvidence evidence={review.evidence} />
        </details>
      ))}
    </>
  );
}

/** What happened to a version, oldest first: who created, changed, scanned, benchmarked and decided it. */
export function HistoryPanel({ namespace, name, version }: { namespace: string; name: string; version: string }) {
  const api = useApi();
  const path = { namespace, name, version };
  const history = useQuery({
    queryKey: ['history', namespace, name, version],
    queryFn: () => dataOf(api.GET('/v1/models/{namespace}/{name}/versions/{version}/history', { params: { path } })),
  });
  const reviews = useQuery({
    queryKey: ['reviews', namespace, name, version],
    queryFn: () => dataOf(api.GET('/v1/models/{namespace}/{name}/versions/{version}/reviews', { params: { path } })),
  });
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">History of {version}</h2>
      <QueryView query={history} label="Loading the history…">
        {({ items }) =>
          items.length === 0 ? (
            <Empty title="Nothing recorded for this version yet" />
          ) : (
            <ol className="history">
              {items.map((event, index) => (
                <EventItem key={`${event.at}-${event.action}-${index}`} event={event} />
              ))}
            </ol>
          )
        }
      </QueryView>
      {reviews.data && <DecisionEvidence reviews={reviews.data.items} />}
    </section>
  );
}

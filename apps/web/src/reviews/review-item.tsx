import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'wouter';
import { dataOf } from '../api/api-error';
import type { QueueItem, ReviewRequest } from '../api/api-types';
import { useApi, useAuth } from '../auth/auth-context';
import { hasRole } from '../auth/roles';
import { ActorName } from '../components/actor-name';
import { ErrorNotice } from '../components/status-views';
import { formatDate } from '../format/format';
import { ReviewEvidence } from './review-evidence';

export function ReviewItem({ item, onDecided }: { item: QueueItem; onDecided: (message: string) => void }) {
  const api = useApi();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const id = useId();
  const [namespace = '', name = ''] = item.model.split('/');
  const { evidence } = item;
  const isAdmin = hasRole(principal?.role, 'admin');
  // Admins may approve past some blockers (scan results, their own part in the version) with a reason;
  // the others hold for everyone.
  const hardBlockers = evidence.blockers.filter((blocker) => !evidence.overridable.includes(blocker));
  const ownPart = evidence.contributors?.find((contributor) => contributor.actor === principal?.actor);
  const overriding = isAdmin && hardBlockers.length === 0 && overrideReason.trim() !== '';
  const blocked = hardBlockers.length > 0 || ((evidence.blockers.length > 0 || ownPart !== undefined) && !overriding);

  const decide = useMutation({
    mutationFn: (review: ReviewRequest) =>
      dataOf(
        api.POST('/v1/models/{namespace}/{name}/versions/{version}/reviews', {
          params: { path: { namespace, name, version: item.version } },
          body: review,
        }),
      ),
    onSuccess: async (review) => {
      onDecided(`${item.model} ${item.version}: ${review.decision}.`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['review-queue'] }),
        queryClient.invalidateQueries({ queryKey: ['versions', namespace, name] }),
        queryClient.invalidateQueries({ queryKey: ['history', namespace, name] }),
        queryClient.invalidateQueries({ queryKey: ['models'] }),
      ]);
    },
  });

  const submit = (decision: ReviewRequest['decision']) => (event: FormEvent) => {
    event.preventDefault();
    decide.mutate({ decision, comment: comment.trim(), ...(overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}) });
  };

  return (
    <li className="queue-item" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <Link href={`/models/${item.model}?version=${encodeURIComponent(item.version)}`}>
          {item.model} <span className="version-label">{item.version}</span>
        </Link>
      </h2>
      <p className="muted small">
        Published by <ActorName actor={item.publishedBy} name={item.publishedByName} />, submitted {formatDate(item.submittedAt)}
      </p>
      {evidence.blockers.length > 0 && (
        <div className="notice notice-error" role="note">
          <p>
            <strong>Approval is blocked:</strong>
          </p>
          <ul>
            {evidence.blockers.map((blocker) => (
              <li key={blocker}>
                {blocker}
                {evidence.overridable.includes(blocker) && <span className="small"> (an admin may approve anyway, giving a reason)</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {ownPart && (
        <p className="notice notice-warn">
          You {ownPart.actions.join(', ')} this version: someone who had no hand in it must approve it
          {isAdmin ? ' (or you, giving an override reason)' : ''}.
        </p>
      )}
      <ReviewEvidence evidence={evidence} />
      <form className="review-form" onSubmit={submit('approve')}>
        <label htmlFor={`${id}-comment`}>Comment (recorded with the decision)</label>
        <textarea
          id={`${id}-comment`}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          rows={2}
          required
          maxLength={5000}
        />
        {isAdmin && (
          <>
            <label htmlFor={`${id}-override`}>Override reason (admins: to approve your own version, or past scan findings)</label>
            <input
              id={`${id}-override`}
              value={overrideReason}
              onChange={(event) => setOverrideReason(event.target.value)}
              maxLength={2000}
            />
          </>
        )}
        {decide.isError && <ErrorNotice title="The decision was not recorded" error={decide.error} />}
        <div className="actions">
          <button
            type="submit"
            disabled={blocked || decide.isPending || comment.trim() === ''}
            aria-describedby={blocked ? `${id}-blocked` : undefined}
          >
            Approve
          </button>
          <button type="button" className="button-danger" disabled={decide.isPending || comment.trim() === ''} onClick={submit('reject')}>
            Reject
          </button>
          {blocked && (
            <span id={`${id}-blocked`} className="small muted">
              {hardBlockers.length > 0
                ? 'Approval needs the blockers above resolved'
                : isAdmin
                  ? 'Approving past these needs an override reason'
                  : evidence.blockers.length > 0
                    ? 'Only an admin may approve past these, giving a reason'
                    : 'Approval needs another reviewer'}
              ; rejecting is always possible.
            </span>
          )}
        </div>
      </form>
    </li>
  );
}

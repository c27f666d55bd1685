import type { Webhook } from '../api/api-types';

/** Enabled, or disabled with the reason (a run of failed deliveries, or who turned it off). */
export function WebhookState({ webhook }: { webhook: Webhook }) {
  if (webhook.enabled) return <span className="badge badge-good">enabled</span>;
  return (
    <span className="webhook-disabled">
      <span className="badge badge-bad">disabled</span>
      {webhook.disabledReason && <span className="small"> {webhook.disabledReason}</span>}
    </span>
  );
}

import type { WebhookEventType } from '../api/api-types';
import { TextField } from '../components/text-field';
import { EVENT_DESCRIPTIONS, EVENT_TYPES } from './event-types';
import type { WebhookDraft } from './webhook-draft';

/** The settings a webhook is created and edited with; `idPrefix` keeps two forms on a page apart. */
export function WebhookFields({
  idPrefix,
  draft,
  onChange,
}: {
  idPrefix: string;
  draft: WebhookDraft;
  onChange: (draft: WebhookDraft) => void;
}) {
  const toggle = (type: WebhookEventType, checked: boolean) =>
    onChange({ ...draft, events: checked ? [...draft.events, type] : draft.events.filter((event) => event !== type) });
  return (
    <>
      <TextField
        id={`${idPrefix}-url`}
        label="Payload URL"
        type="url"
        value={draft.url}
        onValueChange={(url) => onChange({ ...draft, url })}
        placeholder="https://ci.example.com/hooks/vetted"
        hint="Deliveries are POSTed here, signed per Standard Webhooks."
        required
        spellCheck={false}
      />
      <fieldset className="event-types">
        <legend>Events</legend>
        <p className="muted small">None ticked: every event, including types added later.</p>
        {EVENT_TYPES.map((type) => (
          <label key={type} className="inline" title={EVENT_DESCRIPTIONS[type]}>
            <input type="checkbox" checked={draft.events.includes(type)} onChange={(event) => toggle(type, event.target.checked)} />
            <code>{type}</code>
          </label>
        ))}
      </fieldset>
      <TextField
        id={`${idPrefix}-namespace`}
        label="Namespace (optional)"
        value={draft.namespace}
        onValueChange={(namespace) => onChange({ ...draft, namespace })}
        placeholder="acme"
        hint="Only events about this namespace's models; empty: every namespace."
        spellCheck={false}
      />
      <TextField
        id={`${idPrefix}-description`}
        label="Description (optional)"
        value={draft.description}
        onValueChange={(description) => onChange({ ...draft, description })}
        placeholder="deploy on approval"
        maxLength={500}
      />
    </>
  );
}

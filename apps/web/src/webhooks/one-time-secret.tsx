import { CopyButton } from '../components/copy-button';

/** A signing secret the API shows in one response only: it lives in this component until dismissed. */
export function OneTimeSecret({ title, secret, onDismiss }: { title: string; secret: string; onDismiss: () => void }) {
  return (
    <div className="notice notice-warn one-time-secret" role="status">
      <p>
        <strong>{title}</strong> Copy it now: you will not see it again. Receivers verify signatures with it.
      </p>
      <p className="secret-line">
        <code className="secret" aria-label="Signing secret">
          {secret}
        </code>
        <CopyButton text={secret} label="Copy secret" />
      </p>
      <button type="button" className="button-secondary button-small" onClick={onDismiss}>
        I have copied it
      </button>
    </div>
  );
}

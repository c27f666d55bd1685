import { type FormEvent, useState } from 'react';
import { messageOf } from '../api/api-error';
import { useAuth } from '../auth/auth-context';

export function SignInPage() {
  const { signIn, notice } = useAuth();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(key.trim());
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Vetted</h1>
      {notice && (
        <p className="notice notice-warn" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} className="stack">
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="hf_…"
          value={key}
          onChange={(event) => setKey(event.target.value)}
          required
          aria-describedby="api-key-help"
          aria-invalid={error ? true : undefined}
        />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || key.trim() === ''}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
      <div id="api-key-help" className="help">
        <p>
          The key stays in this browser tab (session storage) and is sent only to this server. Signing out or closing the tab forgets it.
        </p>
        <p>
          First start? <code>npm start</code> wrote the admin key to <code>.vetted/admin-key</code> in the directory it ran in (or{' '}
          <code>$VETTED_DATA_DIR/admin-key</code>). Admins create keys for everyone else with <code>POST /v1/keys</code>.
        </p>
      </div>
    </section>
  );
}

import { type FormEvent, useEffect, useState } from 'react';
import { messageOf } from '../api/api-error';
import { useAuth } from '../auth/auth-context';
import { NoAccess } from './no-access';
import { signInErrorMessage, signInErrorOf, withoutSignInError } from './sign-in-error';

export function SignInPage() {
  const { signInOptions, signInWithProvider, notice } = useAuth();
  // Read once: the address bar drops the reason, a reload must not show it again.
  const [providerError, setProviderError] = useState(() => signInErrorOf(window.location.search));
  const returnTo = withoutSignInError(window.location.pathname, window.location.search);

  useEffect(() => {
    if (signInErrorOf(window.location.search) !== null) window.history.replaceState(window.history.state, '', returnTo);
  }, [returnTo]);

  const provider = signInOptions?.provider ?? null;
  const keyForm = signInOptions?.keyForm ?? true;

  if (providerError === 'no_access' && provider) {
    return (
      <NoAccess
        providerName={provider.name}
        onTryAgain={() => signInWithProvider(returnTo)}
        {...(keyForm ? { onUseKey: () => setProviderError(null) } : {})}
      />
    );
  }

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Vetted</h1>
      {notice && (
        <p className="notice notice-warn" role="status">
          {notice}
        </p>
      )}
      {providerError && (
        <p className="notice notice-error" role="alert">
          {signInErrorMessage(providerError)}
        </p>
      )}
      {provider && (
        <div className="stack">
          <button type="button" onClick={() => signInWithProvider(returnTo)}>
            Sign in with {provider.name}
          </button>
          <p className="help">Your organisation&apos;s account decides your role here, through your groups.</p>
        </div>
      )}
      {provider && keyForm && <p className="muted">or, with an API key:</p>}
      {keyForm && <KeyForm />}
    </section>
  );
}

function KeyForm() {
  const { signIn } = useAuth();
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
    <>
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
    </>
  );
}

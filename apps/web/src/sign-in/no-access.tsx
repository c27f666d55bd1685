import { usePageTitle } from '../layout/use-page-title';

/** The person signed in at the identity provider, but none of their groups is mapped to a Vetted role. */
export function NoAccess({ providerName, onTryAgain, onUseKey }: { providerName: string; onTryAgain: () => void; onUseKey?: () => void }) {
  usePageTitle('No access');
  return (
    <section className="sign-in" aria-labelledby="no-access-title">
      <h1 id="no-access-title">No access to Vetted</h1>
      <p className="notice notice-warn" role="alert">
        You signed in with {providerName}, but none of your groups there gives access to Vetted.
      </p>
      <p>
        Ask your administrator to add you to a group that Vetted maps to a role (viewer, publisher, reviewer or admin). Your access is read
        from your groups each time you sign in.
      </p>
      <div className="stack">
        <button type="button" onClick={onTryAgain}>
          Sign in again
        </button>
        {onUseKey && (
          <button type="button" className="button-secondary" onClick={onUseKey}>
            Sign in with an API key instead
          </button>
        )}
      </div>
    </section>
  );
}

import { Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { useAuth } from './auth/auth-context';
import { CatalogPage } from './catalog/catalog.page';
import { ErrorNotice, Loading } from './components/status-views';
import { AppShell } from './layout/app-shell';
import { FocusOnNavigation } from './layout/focus-on-navigation';
import { RequireRole } from './layout/require-role';
import { ImportPage, ImportsPage, ModelPage, ReviewQueuePage, WebhookPage, WebhooksPage } from './lazy-pages';
import { NotFoundPage } from './not-found.page';
import { SignInPage } from './sign-in/sign-in.page';
import { PersonalKeysPage } from './auth/personal-keys.page';

function Pages() {
  return (
    <Switch>
      <Route path="/" component={CatalogPage} />
      <Route path="/models/:namespace/:name">{(params) => <ModelPage namespace={params.namespace} name={params.name} />}</Route>
      <Route path="/reviews">
        <RequireRole role="reviewer">
          <ReviewQueuePage />
        </RequireRole>
      </Route>
      <Route path="/imports">
        <RequireRole role="publisher">
          <ImportsPage />
        </RequireRole>
      </Route>
      <Route path="/imports/:id">
        {(params) => (
          <RequireRole role="publisher">
            <ImportPage id={params.id} />
          </RequireRole>
        )}
      </Route>
      <Route path="/webhooks">
        <RequireRole role="admin">
          <WebhooksPage />
        </RequireRole>
      </Route>
      <Route path="/webhooks/:id">
        {(params) => (
          <RequireRole role="admin">
            <WebhookPage id={params.id} />
          </RequireRole>
        )}
      </Route>
      <Route path="/keys" component={PersonalKeysPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}

/** Every page needs a key: without one (or while it is checked) the sign-in page stands in for it. */
export function App() {
  const { signedIn, checking, checkError, retryCheck } = useAuth();
  return (
    <AppShell>
      <FocusOnNavigation />
      {checking ? (
        <Loading label="Checking your key…" />
      ) : checkError ? (
        <ErrorNotice title="Could not check your key" error={checkError} onRetry={retryCheck} />
      ) : signedIn ? (
        <Suspense fallback={<Loading />}>
          <Pages />
        </Suspense>
      ) : (
        <SignInPage />
      )}
    </AppShell>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { type ApiClient, createApiClient } from '../api/api-client';
import { dataOf } from '../api/api-error';
import type { Principal } from '../api/api-types';
import type { SignInOptions } from './auth-types';
import { sessionKey } from './session-key';
import { sessionMiddleware } from './session-middleware';
import { endedSessionNotice, KEY_REJECTED_NOTICE, SESSION_ENDED_NOTICE } from './session-notices';

export { KEY_REJECTED_NOTICE } from './session-notices';

interface Auth {
  api: ApiClient;
  /** The signed-in API key, for the few requests that cannot go through the client; null with a session. */
  key: string | null;
  /** Signed in through the identity provider: the cookie carries the session, so downloads are plain links. */
  session: boolean;
  /** Undefined while signed out or while the key or session is being checked. */
  principal: Principal | undefined;
  signedIn: boolean;
  checking: boolean;
  /** Checking failed for another reason than the key or session (e.g. the API is down). */
  checkError: unknown;
  retryCheck: () => void;
  /** How one may sign in here (undefined until the API said). */
  signInOptions: SignInOptions | undefined;
  /** Why the user was signed out, shown on the sign-in page. */
  notice: string | null;
  signIn: (key: string) => Promise<void>;
  /** Sends the browser to the identity provider; it comes back to `returnTo` signed in. */
  signInWithProvider: (returnTo: string) => void;
  signOut: (notice?: string) => void;
}

const AuthContext = createContext<Auth | null>(null);
const SESSION_QUERY = ['auth-session'];

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [key, setKey] = useState<string | null>(() => sessionKey.read());
  const [notice, setNotice] = useState<string | null>(null);
  const keyRef = useRef(key);
  keyRef.current = key;
  const csrfRef = useRef<string | null>(null);

  const forget = useCallback(
    (reason: string | null) => {
      sessionKey.clear();
      keyRef.current = null;
      csrfRef.current = null;
      setKey(null);
      setNotice(reason);
      queryClient.clear();
    },
    [queryClient],
  );

  const api = useMemo(() => {
    const client = createApiClient(
      () => keyRef.current,
      () => forget(KEY_REJECTED_NOTICE),
    );
    client.use(
      sessionMiddleware(
        () => (keyRef.current === null ? csrfRef.current : null),
        () => forget(SESSION_ENDED_NOTICE),
      ),
    );
    return client;
  }, [forget]);

  const described = useQuery({
    queryKey: SESSION_QUERY,
    queryFn: () => dataOf(api.GET('/v1/auth/session')),
    staleTime: Infinity,
  });
  const session = key === null ? (described.data?.session ?? null) : null;
  csrfRef.current = session?.csrfToken ?? null;

  const whoami = useQuery({
    queryKey: ['whoami', key],
    queryFn: () => dataOf(api.GET('/v1/whoami')),
    enabled: key !== null,
    staleTime: Infinity,
  });

  const signIn = useCallback(
    async (candidate: string) => {
      const principal = await dataOf(api.GET('/v1/whoami', { headers: { authorization: `Bearer ${candidate}` } }));
      queryClient.clear();
      sessionKey.write(candidate);
      keyRef.current = candidate;
      queryClient.setQueryData(['whoami', candidate], principal);
      setNotice(null);
      setKey(candidate);
    },
    [api, queryClient],
  );

  const signInWithProvider = useCallback(
    (returnTo: string) => {
      const start = described.data?.signIn.provider?.url;
      if (start) window.location.assign(`${start}?returnTo=${encodeURIComponent(returnTo)}`);
    },
    [described.data],
  );

  const signOut = useCallback(
    (reason?: string) => {
      if (reason !== undefined || keyRef.current !== null || csrfRef.current === null) {
        forget(reason ?? null);
        return;
      }
      // Signing out of a session ends it on the server, then at the identity provider when it has an end-session page.
      void dataOf(api.POST('/v1/auth/sign-out'))
        .then(({ endSessionUrl }) => {
          if (endSessionUrl) window.location.assign(endSessionUrl);
          else forget(null);
        })
        .catch(() => forget(null));
    },
    [api, forget],
  );

  const keyMode = key !== null;
  const principal: Principal | undefined = keyMode
    ? whoami.data
    : session
      ? { actor: session.actor, name: session.name, role: session.role }
      : undefined;
  const query = keyMode ? whoami : described;
  const value: Auth = {
    api,
    key,
    session: session !== null,
    principal,
    signedIn: principal !== undefined,
    checking: query.isPending,
    checkError: query.error,
    retryCheck: () => void query.refetch(),
    signInOptions: described.data?.signIn,
    notice: notice ?? (keyMode ? null : endedSessionNotice(described.data?.ended ?? null)),
    signIn,
    signInWithProvider,
    signOut,
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an AuthProvider above it');
  return auth;
}

/** The typed API client, sending the signed-in key (or the session's CSRF token). */
export const useApi = (): ApiClient => useAuth().api;

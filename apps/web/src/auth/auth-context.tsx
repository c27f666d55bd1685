import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { type ApiClient, createApiClient } from '../api/api-client';
import { dataOf } from '../api/api-error';
import type { Principal } from '../api/api-types';
import { sessionKey } from './session-key';

interface Auth {
  api: ApiClient;
  /** The signed-in key, for the few requests that cannot go through the client (downloads). */
  key: string | null;
  /** Undefined while signed out or while the key is being checked. */
  principal: Principal | undefined;
  signedIn: boolean;
  checking: boolean;
  /** Checking the stored key failed for another reason than the key (e.g. the API is down). */
  checkError: unknown;
  retryCheck: () => void;
  /** Why the user was signed out, shown on the sign-in page. */
  notice: string | null;
  signIn: (key: string) => Promise<void>;
  signOut: (notice?: string) => void;
}

const AuthContext = createContext<Auth | null>(null);

/** Why the user was signed out when the API refused the key it had accepted. */
export const KEY_REJECTED_NOTICE = 'The API no longer accepts this key. Sign in again.';

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [key, setKey] = useState<string | null>(() => sessionKey.read());
  const [notice, setNotice] = useState<string | null>(null);
  const keyRef = useRef(key);
  keyRef.current = key;

  const signOut = useCallback(
    (reason?: string) => {
      sessionKey.clear();
      keyRef.current = null;
      setKey(null);
      setNotice(reason ?? null);
      queryClient.clear();
    },
    [queryClient],
  );

  const api = useMemo(
    () =>
      createApiClient(
        () => keyRef.current,
        () => signOut(KEY_REJECTED_NOTICE),
      ),
    [signOut],
  );

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

  const value: Auth = {
    api,
    key,
    principal: whoami.data,
    signedIn: key !== null && whoami.data !== undefined,
    checking: key !== null && whoami.isPending,
    checkError: whoami.error,
    retryCheck: () => void whoami.refetch(),
    notice,
    signIn,
    signOut,
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an AuthProvider above it');
  return auth;
}

/** The typed API client, sending the signed-in key. */
export const useApi = (): ApiClient => useAuth().api;

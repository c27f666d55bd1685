import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { KEY_REJECTED_NOTICE, useAuth } from '../auth/auth-context';
import { SESSION_ENDED_NOTICE } from '../auth/session-notices';
import { hasRole } from '../auth/roles';
import { openEventStream, type StreamState } from './event-stream';
import { queriesToRefresh } from './queries-to-refresh';

/** `off` for viewers (the feed is for publishers and above) and signed-out tabs: pages poll as before. */
export type LiveState = StreamState | 'off';

const LiveContext = createContext<LiveState>('off');

/**
 * One event stream per tab, for publishers and above: each event refreshes the queries it makes stale.
 * The stream closes on sign-out, when the key changes, and when the app unmounts.
 */
export function LiveUpdatesProvider({ children }: { children: ReactNode }) {
  const { key, session, principal, signOut } = useAuth();
  const queryClient = useQueryClient();
  const listens = (key !== null || session) && hasRole(principal?.role, 'publisher');
  const [state, setState] = useState<LiveState>('off');

  useEffect(() => {
    if (!listens) return;
    let caughtUp = false;
    const close = openEventStream({
      url: `${window.location.origin}/v1/events/stream`,
      key,
      onState: (next) => {
        setState(next);
        // The stream starts at the newest event: what a page loaded just before it may have missed, once.
        // Later connections resume after the last event seen, so they miss nothing.
        if (next === 'connected' && !caughtUp) {
          caughtUp = true;
          void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'whoami' });
        }
      },
      onEvents: (events) => {
        for (const queryKey of queriesToRefresh(events)) void queryClient.invalidateQueries({ queryKey });
      },
      onRefused: (status) => {
        if (status === 401) signOut(key === null ? SESSION_ENDED_NOTICE : KEY_REJECTED_NOTICE);
        else setState('off');
      },
    });
    return () => {
      close();
      setState('off');
    };
  }, [listens, key, queryClient, signOut]);

  return <LiveContext.Provider value={listens ? state : 'off'}>{children}</LiveContext.Provider>;
}

export const useLiveState = (): LiveState => useContext(LiveContext);

/** Whether events say what changes right now, so a page need not poll for it. */
export const useLive = (): boolean => useLiveState() === 'connected';

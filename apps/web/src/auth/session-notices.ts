import type { AuthSession } from './auth-types';

/** Why the user was signed out when the API refused the key it had accepted. */
export const KEY_REJECTED_NOTICE = 'The API no longer accepts this key. Sign in again.';

/** Why the user was signed out when the API stopped accepting the session. */
export const SESSION_ENDED_NOTICE = 'Your session has ended. Sign in again.';

/** What the sign-in page says about a session cookie the API no longer accepts. */
export function endedSessionNotice(ended: AuthSession['ended']): string | null {
  switch (ended) {
    case 'expired':
      return 'Your session expired. Sign in again.';
    case 'invalid':
      return 'Your session is no longer valid (you signed out elsewhere, or the cookie was altered). Sign in again.';
    case 'no_access':
      return 'You no longer have access to Vetted.';
    case null:
      return null;
  }
}

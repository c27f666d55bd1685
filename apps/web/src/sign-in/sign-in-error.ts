/** The reason the API gives, in the redirect `/?sign_in_error=<reason>`, when a sign-in at the identity provider failed. */
const MESSAGES: Record<string, string> = {
  sign_in_not_started: 'This sign-in was not started in this browser, or took longer than 10 minutes. Try again.',
  sign_in_expired: 'This sign-in was already completed, or took longer than 10 minutes. Try again.',
  state_mismatch: "The identity provider's answer does not belong to this sign-in. Try again.",
  provider_unavailable: 'The identity provider could not be reached. Try again in a moment; if it persists, tell your administrator.',
  provider_misconfigured: "The identity provider's settings do not match Vetted's (its issuer differs). Tell your administrator.",
  provider_refused: 'The identity provider did not complete the sign-in.',
  token_invalid: "The identity provider's answer failed Vetted's checks, so you were not signed in. Tell your administrator.",
  not_configured: 'Sign-in through an identity provider is not configured here.',
};

const PARAMETER = 'sign_in_error';

/** The failed sign-in's reason from this page's address, if any. */
export function signInErrorOf(search: string): string | null {
  return new URLSearchParams(search).get(PARAMETER);
}

export function signInErrorMessage(reason: string): string {
  return MESSAGES[reason] ?? 'The sign-in failed. Try again.';
}

/** This page's address without the reason: what a new sign-in returns to, and what the address bar keeps. */
export function withoutSignInError(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete(PARAMETER);
  const rest = params.toString();
  return `${pathname}${rest ? `?${rest}` : ''}`;
}

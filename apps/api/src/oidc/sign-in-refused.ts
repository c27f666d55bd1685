/**
 * Why a browser sign-in did not end in a session. The reason travels to the web app in the redirect
 * (`/?sign_in_error=<reason>`), which explains it; the message, with the details, goes only to the log.
 */
export type SignInFailure =
  | 'not_configured'
  | 'sign_in_not_started'
  | 'sign_in_expired'
  | 'state_mismatch'
  | 'provider_unavailable'
  | 'provider_misconfigured'
  | 'provider_refused'
  | 'token_invalid'
  | 'no_access';

export class SignInRefused extends Error {
  override readonly name = 'SignInRefused';

  constructor(
    readonly reason: SignInFailure,
    message: string,
  ) {
    super(message);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { isLoopbackUrl, type OidcConfig } from '@vetted/config';
import * as oidc from 'openid-client';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { claimValues } from './role-mapping.js';
import { SignInRefused } from './sign-in-refused.js';

/** Discovery is re-read this often, so a provider's moved endpoints are picked up without a restart. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const TIMEOUT_SECONDS = 10;

export interface SignInChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * The organisation's OpenID provider, through openid-client: discovery from the issuer (whose document
 * must name that same issuer), the authorization code flow with PKCE, ID tokens checked for issuer,
 * audience, expiry, nonce and their signature against the provider's JWKS.
 */
@Injectable()
export class IdentityProvider {
  private readonly logger = new Logger(IdentityProvider.name);
  private discovered: { configuration: oidc.Configuration; at: number } | undefined;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  async authorizationUrl(checks: SignInChecks): Promise<URL> {
    const settings = this.settings();
    const configuration = await this.configuration();
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUrl,
      scope: settings.scopes,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * Redeems the code in the callback URL and returns the person's validated claims. When the ID token
   * lacks the role claim, the UserInfo endpoint (same subject) supplies what the token left out.
   */
  async redeem(callbackUrl: URL, checks: SignInChecks): Promise<{ claims: Record<string, unknown>; idToken: string }> {
    const settings = this.settings();
    const configuration = await this.configuration();
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) throw new SignInRefused('token_invalid', 'the token response carried no ID token');
      let claims: Record<string, unknown> = { ...idClaims };
      if (claimValues(claims, settings.roleClaim) === undefined && configuration.serverMetadata().userinfo_endpoint) {
        claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)), ...idClaims };
      }
      return { claims, idToken: tokens.id_token };
    } catch (error) {
      throw refusalOf(error);
    }
  }

  /** The provider's end-session URL for this ID token, or null when the provider advertises none (or cannot be reached). */
  async endSessionUrl(idToken: string | null): Promise<string | null> {
    const settings = this.settings();
    try {
      const configuration = await this.configuration();
      if (!configuration.serverMetadata().end_session_endpoint) return null;
      return oidc
        .buildEndSessionUrl(configuration, {
          post_logout_redirect_uri: settings.postLogoutRedirectUrl,
          client_id: settings.clientId,
          ...(idToken ? { id_token_hint: idToken } : {}),
        })
        .toString();
    } catch (error) {
      this.logger.warn(`no end-session URL: ${refusalOf(error).message}`);
      return null;
    }
  }

  private async configuration(): Promise<oidc.Configuration> {
    if (this.discovered && Date.now() - this.discovered.at < DISCOVERY_TTL_MS) return this.discovered.configuration;
    const settings = this.settings();
    const issuer = new URL(settings.issuer);
    const execute = [
      oidc.enableNonRepudiationChecks,
      ...(issuer.protocol === 'http:' && isLoopbackUrl(issuer) ? [oidc.allowInsecureRequests] : []),
    ];
    try {
      const configuration = await oidc.discovery(
        issuer,
        settings.clientId,
        undefined,
        settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
        { execute, timeout: TIMEOUT_SECONDS },
      );
      this.discovered = { configuration, at: Date.now() };
      return configuration;
    } catch (error) {
      throw refusalOf(error, 'discovery');
    }
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new SignInRefused('not_configured', 'OpenID Connect is not configured');
    return this.config.oidc;
  }
}

/** What an openid-client failure means for the person signing in; the message is for the log (no tokens, no secrets). */
function refusalOf(error: unknown, stage?: 'discovery'): SignInRefused {
  if (error instanceof SignInRefused) return error;
  if (error instanceof oidc.AuthorizationResponseError)
    return new SignInRefused('provider_refused', `the provider answered ${error.error}`);
  if (error instanceof oidc.ResponseBodyError) {
    return new SignInRefused('provider_refused', `the provider refused the code: ${error.error} (HTTP ${error.status})`);
  }
  if (error instanceof oidc.ClientError) {
    const claim = claimOf(error.cause);
    const detail = `${error.message}${claim ? ` (${claim})` : ''}: ${causeMessage(error.cause)}`;
    if (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT') return new SignInRefused('provider_unavailable', detail);
    if (stage === 'discovery') {
      return new SignInRefused(
        error.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED' ? 'provider_misconfigured' : 'provider_unavailable',
        detail,
      );
    }
    return new SignInRefused('token_invalid', detail);
  }
  if (error instanceof TypeError) return new SignInRefused('provider_unavailable', `${error.message}: ${causeMessage(error.cause)}`);
  return new SignInRefused('token_invalid', error instanceof Error ? error.message : String(error));
}

function claimOf(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const inner = (cause as { cause?: { claim?: unknown; attribute?: unknown }; attribute?: unknown }).cause ?? cause;
  const name = (inner as { claim?: unknown }).claim ?? (inner as { attribute?: unknown }).attribute;
  return typeof name === 'string' ? name : undefined;
}

function causeMessage(cause: unknown): string {
  return cause instanceof Error ? cause.message : 'no further detail';
}

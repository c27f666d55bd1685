import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OidcConfig } from '@vetted/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomNonce, randomPKCECodeVerifier, randomState } from 'openid-client';
import { AuditRepository } from '../audit/audit.repository.js';
import { ApiKeyService } from '../auth/api-key.service.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { BrowserSessionService } from './browser-session.service.js';
import { IdentityProvider } from './identity-provider.js';
import { claimValues, identityOf, roleFor } from './role-mapping.js';
import { SignInFlowRepository } from './sign-in-flow.repository.js';
import { SignInRefused } from './sign-in-refused.js';
import { newSecret, secretHash } from './session-secret.js';
import { UserRepository } from './user.repository.js';

/** How long a person may take at the identity provider before the sign-in must start over. */
const SIGN_IN_TTL_SECONDS = 600;

/**
 * The authorization code flow with PKCE, for the web app: `start` sends the browser to the provider with
 * a fresh state, nonce and code challenge, remembered for this browser only; `finish` takes the provider's
 * answer once, has the ID token validated, maps the person's groups to a role and opens a session.
 * Both return where to send the browser next: on failure, the web app with the reason.
 */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger(OidcSignInService.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly provider: IdentityProvider,
    private readonly flows: SignInFlowRepository,
    private readonly users: UserRepository,
    private readonly sessions: BrowserSessionService,
    private readonly keys: ApiKeyService,
    private readonly audit: AuditRepository,
  ) {}

  async start(reply: FastifyReply, returnTo: string): Promise<string> {
    try {
      const checks = { state: randomState(), nonce: randomNonce(), codeVerifier: randomPKCECodeVerifier() };
      const url = await this.provider.authorizationUrl(checks);
      const browser = newSecret();
      const expiresAt = new Date(Date.now() + SIGN_IN_TTL_SECONDS * 1000);
      await this.flows.create({ hash: secretHash(browser), ...checks, returnTo, expiresAt });
      this.sessions.cookies.set(reply, this.sessions.cookies.signIn, browser, SIGN_IN_TTL_SECONDS);
      return url.toString();
    } catch (error) {
      return this.refused(error);
    }
  }

  async finish(request: FastifyRequest, reply: FastifyReply): Promise<string> {
    try {
      const settings = this.settings();
      const browser = this.sessions.cookies.read(request, this.sessions.cookies.signIn);
      this.sessions.cookies.clear(reply, this.sessions.cookies.signIn);
      if (!browser)
        throw new SignInRefused('sign_in_not_started', 'the browser has no sign-in cookie (not started here, or older than 10 minutes)');
      const flow = await this.flows.take(secretHash(browser));
      if (!flow || flow.expiresAt.getTime() <= Date.now()) {
        throw new SignInRefused('sign_in_expired', 'this sign-in was already completed (a replayed answer) or is older than 10 minutes');
      }
      const callbackUrl = new URL(settings.redirectUrl);
      callbackUrl.search = new URL(request.url, callbackUrl).search;
      if (callbackUrl.searchParams.get('state') !== flow.state)
        throw new SignInRefused('state_mismatch', 'the state does not match this sign-in');

      const { claims, idToken } = await this.provider.redeem(callbackUrl, flow);
      const identity = identityOf(claims);
      const role = roleFor(claimValues(claims, settings.roleClaim) ?? [], settings.roleMap);
      const { user, previousRole } = await this.users.recordSignIn({ issuer: settings.issuer, ...identity, role });
      if (previousRole !== undefined && previousRole !== role) this.keys.forgetCachedKeys();
      await this.audit.append({
        actor: `user:${user.id}`,
        action: role ? 'user.signed_in' : 'user.sign_in_refused',
        subjectType: 'user',
        subjectId: user.id,
        data: { role, ...(previousRole !== undefined && previousRole !== role ? { previousRole } : {}) },
      });
      if (!role) {
        await this.sessions.endAllOf(user.id);
        throw new SignInRefused('no_access', `none of the ${settings.roleClaim} of ${identity.subject} is in VETTED_OIDC_ROLE_MAP`);
      }
      await this.sessions.open(reply, user, idToken);
      return flow.returnTo;
    } catch (error) {
      return this.refused(error);
    }
  }

  private refused(error: unknown): string {
    if (!(error instanceof SignInRefused)) throw error;
    this.logger.warn(`OpenID Connect sign-in refused (${error.reason}): ${error.message}`);
    return `/?sign_in_error=${error.reason}`;
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new SignInRefused('not_configured', 'OpenID Connect is not configured');
    return this.config.oidc;
  }
}

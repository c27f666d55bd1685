import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { BrowserSessionService } from './browser-session.service.js';
import { IdentityProvider } from './identity-provider.js';
import type { AuthSession } from './oidc.schemas.js';

export const SIGN_IN_PATH = '/v1/auth/oidc/sign-in';

/** What the web app asks first: how one signs in here, and whether this browser already is. */
@Injectable()
export class AuthSessionService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly sessions: BrowserSessionService,
    private readonly provider: IdentityProvider,
  ) {}

  async describe(request: FastifyRequest, reply: FastifyReply): Promise<AuthSession> {
    const state = await this.sessions.state(request);
    if (state.kind === 'ended') this.sessions.cookies.clear(reply, this.sessions.cookies.session);
    return {
      signIn: {
        keyForm: this.config.webKeySignIn,
        provider: this.config.oidc ? { name: this.config.oidc.displayName, url: SIGN_IN_PATH } : null,
      },
      session:
        state.kind === 'active'
          ? {
              actor: state.principal.actor,
              name: state.principal.name,
              email: state.session.user.email,
              role: state.principal.role,
              csrfToken: state.session.csrfToken,
              expiresAt: state.session.expiresAt.toISOString(),
            }
          : null,
      ended: state.kind === 'ended' ? state.reason : null,
    };
  }

  /** Ends this browser's session; the provider's end-session page (if any) ends the person's sign-in there too. */
  async signOut(request: FastifyRequest, reply: FastifyReply): Promise<{ endSessionUrl: string | null }> {
    const ended = await this.sessions.close(request, reply);
    return { endSessionUrl: ended && this.config.oidc ? await this.provider.endSessionUrl(ended.idToken) : null };
  }
}

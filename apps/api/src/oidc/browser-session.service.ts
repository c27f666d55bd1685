import { Inject, Injectable } from '@nestjs/common';
import type { Role, User } from '@vetted/db';
import { DomainError } from '@vetted/domain';
import { personLabel } from '@vetted/lifecycle';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { SessionCookies } from './session-cookies.js';
import { newSecret, sameToken, secretHash } from './session-secret.js';
import { SessionRepository, type SessionWithUser } from './session.repository.js';

/** Requests with these methods change nothing, so they need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

export type SessionState =
  | { kind: 'none' }
  | { kind: 'ended'; reason: 'expired' | 'invalid' | 'no_access' }
  | { kind: 'active'; session: SessionWithUser; principal: Principal };

/**
 * Browser sessions of people signed in through the identity provider: a random secret in an HttpOnly
 * cookie, its hash in PostgreSQL (so every API replica knows every session, and sign-out ends it
 * everywhere at once), a fixed lifetime, and a CSRF token every state-changing request must echo.
 */
@Injectable()
export class BrowserSessionService {
  readonly cookies: SessionCookies;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly sessions: SessionRepository,
  ) {
    this.cookies = new SessionCookies(config.oidc !== undefined && new URL(config.oidc.redirectUrl).protocol === 'https:');
  }

  /** Sessions count only while OpenID Connect is configured: without it, a leftover cookie is ignored. */
  carriesSession(request: FastifyRequest): boolean {
    return this.config.oidc !== undefined && this.cookies.read(request, this.cookies.session) !== undefined;
  }

  async state(request: FastifyRequest): Promise<SessionState> {
    if (!this.carriesSession(request)) return { kind: 'none' };
    const session = await this.sessions.findByHash(secretHash(this.cookies.read(request, this.cookies.session)!));
    if (!session) return { kind: 'ended', reason: 'invalid' };
    if (session.expiresAt.getTime() <= Date.now()) return { kind: 'ended', reason: 'expired' };
    const role = session.user.role;
    if (!role) return { kind: 'ended', reason: 'no_access' };
    return { kind: 'active', session, principal: principalOf(session.user, role) };
  }

  /** The person behind the request's session cookie; a state-changing request must also carry the CSRF token. */
  async authenticate(request: FastifyRequest): Promise<Principal> {
    const state = await this.state(request);
    if (state.kind === 'none' || state.kind === 'ended') throw refusal(state.kind === 'none' ? 'invalid' : state.reason);
    if (!SAFE_METHODS.has(request.method)) this.checkCsrf(request, state.session);
    return state.principal;
  }

  async open(reply: FastifyReply, user: User, idToken: string): Promise<void> {
    const secret = newSecret();
    const lifetime = this.config.oidc!.sessionSeconds;
    await this.sessions.create({
      hash: secretHash(secret),
      userId: user.id,
      csrfToken: newSecret(),
      idToken,
      expiresAt: new Date(Date.now() + lifetime * 1000),
    });
    this.cookies.set(reply, this.cookies.session, secret, lifetime);
  }

  /** Ends the request's session (a live one only with its CSRF token) and clears the cookie; returns what it ended. */
  async close(request: FastifyRequest, reply: FastifyReply): Promise<SessionWithUser | undefined> {
    const state = await this.state(request);
    if (state.kind === 'active') {
      this.checkCsrf(request, state.session);
      await this.sessions.delete(state.session.hash);
    }
    this.cookies.clear(reply, this.cookies.session);
    return state.kind === 'active' ? state.session : undefined;
  }

  /** A person without a role any more keeps no session. */
  endAllOf(userId: string): Promise<void> {
    return this.sessions.deleteForUser(userId);
  }

  private checkCsrf(request: FastifyRequest, session: SessionWithUser): void {
    const token = request.headers[CSRF_HEADER];
    if (typeof token !== 'string' || !sameToken(token, session.csrfToken)) {
      throw new DomainError(
        'forbidden',
        'csrf_token_invalid',
        'A state-changing request made with the session cookie needs the X-CSRF-Token header from GET /v1/auth/session',
      );
    }
  }
}

function principalOf(user: User, role: Role): Principal {
  return { actor: `user:${user.id}`, name: personLabel(user), role, userId: user.id };
}

function refusal(reason: 'expired' | 'invalid' | 'no_access'): DomainError {
  switch (reason) {
    case 'expired':
      return new DomainError('unauthenticated', 'session_expired', 'The session expired: sign in again');
    case 'no_access':
      return new DomainError('forbidden', 'no_access', 'None of your groups at the identity provider gives access to Vetted');
    case 'invalid':
      return new DomainError(
        'unauthenticated',
        'invalid_session',
        'The session cookie is not valid (signed out, or altered): sign in again',
      );
  }
}

import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, hasRole } from '@vetted/domain';
import type { FastifyRequest } from 'fastify';
import { BrowserSessionService } from '../oidc/browser-session.service.js';
import { ACCESS_KEY, type Access } from './access.decorator.js';
import { ApiKeyService } from './api-key.service.js';
import type { Principal } from './principal.js';
import { limitedAction, RateLimiter } from './rate-limiter.js';

/**
 * Runs on every route. A route states its least role with @RequireRole or opts out with
 * @Public; one that states nothing is admin-only, so a forgotten decorator fails closed.
 * Callers are API keys (the Authorization header, which wins when both are sent) or people signed
 * in with a browser session cookie, whose state-changing requests must carry the CSRF token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyService,
    private readonly sessions: BrowserSessionService,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ?? 'admin';
    if (access === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal =
      request.headers.authorization === undefined && this.sessions.carriesSession(request)
        ? await this.sessions.authenticate(request)
        : await this.keyHolder(request.headers.authorization);
    if (!hasRole(principal.role, access)) {
      const holder = principal.userId ? 'you have' : 'the key has';
      throw new DomainError('forbidden', 'insufficient_role', `This needs the ${access} role; ${holder} ${principal.role}`);
    }
    request.principal = principal;
    const action = limitedAction(request.method, request.url);
    if (action) this.limiter.take(principal.actor, action);
    return true;
  }

  private keyHolder(authorization: string | undefined): Promise<Principal> {
    const token = bearerToken(authorization);
    if (!token) {
      throw new DomainError('unauthenticated', 'unauthenticated', 'An API key is required: send "Authorization: Bearer <key>"');
    }
    return this.keys.verify(token);
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, hasRole } from '@vetted/domain';
import type { FastifyRequest } from 'fastify';
import { ACCESS_KEY, type Access } from './access.decorator.js';
import { ApiKeyService } from './api-key.service.js';
import { limitedAction, RateLimiter } from './rate-limiter.js';

/**
 * Runs on every route. A route states its least role with @RequireRole or opts out with
 * @Public; one that states nothing is admin-only, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyService,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ?? 'admin';
    if (access === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      throw new DomainError('unauthenticated', 'unauthenticated', 'An API key is required: send "Authorization: Bearer <key>"');
    }
    const principal = await this.keys.authenticate(token);
    if (!principal) throw new DomainError('unauthenticated', 'invalid_api_key', 'The API key is unknown or revoked');
    if (!hasRole(principal.role, access)) {
      throw new DomainError('forbidden', 'insufficient_role', `This needs the ${access} role; the key has ${principal.role}`);
    }
    request.principal = principal;
    const action = limitedAction(request.method, request.url);
    if (action) this.limiter.take(principal.actor, action);
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

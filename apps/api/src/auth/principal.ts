import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@vetted/domain';
import type { FastifyRequest } from 'fastify';

/** Who is calling: an API key, the operator's VETTED_ADMIN_TOKEN, or a person signed in with a browser session. */
export interface Principal {
  /**
   * What audit events record as the actor: `key:<id>`, `admin-token`, or `user:<id>` for a person, through
   * their session or one of their personal keys (so ownership and separation of duties see one person).
   */
  actor: string;
  /** The key's or the person's name, for people reading audit trails and evidence. */
  name: string;
  role: Role;
  /** Set only for a person's browser session (never for a key, personal ones included). */
  userId?: string;
  /** The API key that made the request, when a key did. */
  keyId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});

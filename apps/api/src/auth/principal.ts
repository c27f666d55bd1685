import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@vetted/domain';
import type { FastifyRequest } from 'fastify';

/** Who is calling: an API key, or the operator's VETTED_ADMIN_TOKEN. */
export interface Principal {
  /** `key:<id>` or `admin-token`: what audit events record as the actor. */
  actor: string;
  /** The key's name, for people reading audit trails and evidence. */
  name: string;
  role: Role;
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

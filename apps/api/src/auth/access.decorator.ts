import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import type { Role } from '@vetted/domain';
import { ApiProblems } from '../http/openapi.decorators.js';

export const ACCESS_KEY = 'vetted:access';
export type Access = Role | 'public';

/** The least role a route needs. Routes without it are admin-only (see AuthGuard). */
export function RequireRole(role: Role): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ACCESS_KEY, role), ApiBearerAuth(), ApiCookieAuth('session'), ApiProblems(401, 403));
}

export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS_KEY, 'public');
}

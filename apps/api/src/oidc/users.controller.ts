import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { User } from '@vetted/db';
import { RequireRole } from '../auth/access.decorator.js';
import { ApiJsonResponse } from '../http/openapi.decorators.js';
import { type Page, pageOf } from '../http/pagination.js';
import { userView, type UserView } from './oidc.schemas.js';
import { UserRepository } from './user.repository.js';

/** The people who have signed in through the identity provider, and the role their groups gave them. */
@ApiTags('auth')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UserRepository) {}

  @Get()
  @RequireRole('admin')
  @ApiJsonResponse(200, 'Everyone who has signed in, most recent sign-in first', pageOf(userView))
  async list(): Promise<Page<UserView>> {
    return { items: (await this.users.list()).map(toUserView), nextCursor: null };
  }
}

function toUserView(user: User): UserView {
  return {
    id: user.id,
    actor: `user:${user.id}`,
    issuer: user.issuer,
    subject: user.subject,
    name: user.name,
    email: user.email,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt.toISOString(),
  };
}

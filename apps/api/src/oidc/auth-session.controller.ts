import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorator.js';
import { ApiJsonResponse, ApiProblems } from '../http/openapi.decorators.js';
import { AuthSessionService } from './auth-session.service.js';
import { authSession, type AuthSession, signedOut } from './oidc.schemas.js';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthSessionController {
  constructor(private readonly auth: AuthSessionService) {}

  @Get('session')
  @Public()
  @ApiJsonResponse(200, "How to sign in, and this browser's session (from its cookie) if it has one", authSession)
  session(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuthSession> {
    void reply.header('cache-control', 'no-store');
    return this.auth.describe(request, reply);
  }

  @Post('sign-out')
  @Public()
  @HttpCode(200)
  @ApiJsonResponse(200, 'Signed out: the session is ended and its cookie cleared (a live session needs its X-CSRF-Token)', signedOut)
  @ApiProblems(403)
  signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.auth.signOut(request, reply);
  }
}

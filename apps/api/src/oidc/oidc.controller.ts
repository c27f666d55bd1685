import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainError } from '@vetted/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Public } from '../auth/access.decorator.js';
import { RateLimiter } from '../auth/rate-limiter.js';
import { ClientAddress } from '../hf/client-address.js';
import { ApiJsonResponse, ApiProblems, ApiQueryParams } from '../http/openapi.decorators.js';
import { validQuery } from '../http/zod.pipe.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { OidcSignInService } from './oidc-sign-in.service.js';
import { signInQuery } from './oidc.schemas.js';

/** The browser's way through the identity provider; both answers are redirects. */
@ApiTags('auth')
@Controller('v1/auth/oidc')
export class OidcController {
  private readonly clients: ClientAddress;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly signIns: OidcSignInService,
    private readonly limiter: RateLimiter,
  ) {
    this.clients = new ClientAddress(config.trustedProxies);
  }

  @Get('sign-in')
  @Public()
  @ApiQueryParams(signInQuery)
  @ApiJsonResponse(302, "To the identity provider's sign-in page (or back to the web app with ?sign_in_error=<reason>)")
  @ApiProblems(404, 429)
  async signIn(
    @Query(validQuery(signInQuery)) query: z.output<typeof signInQuery>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!this.config.oidc) throw DomainError.notFound('oidc_not_configured', 'Sign-in through an identity provider is not configured here');
    // Each start stores a row before anyone is known: counted per client address like other writes.
    this.limiter.take(this.clients.of(request.socket.remoteAddress, request.headers['x-forwarded-for']), 'writes');
    await redirect(reply, await this.signIns.start(reply, query.returnTo));
  }

  @Get('callback')
  @Public()
  @ApiJsonResponse(302, 'Signed in: to the page the sign-in started from; refused: to the web app with ?sign_in_error=<reason>')
  @ApiProblems(404)
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.config.oidc) throw DomainError.notFound('oidc_not_configured', 'Sign-in through an identity provider is not configured here');
    await redirect(reply, await this.signIns.finish(request, reply));
  }
}

async function redirect(reply: FastifyReply, location: string): Promise<void> {
  await reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(location, 302);
}

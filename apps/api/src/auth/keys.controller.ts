import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiJsonBody, ApiJsonResponse, ApiProblems } from '../http/openapi.decorators.js';
import { type Page, pageOf } from '../http/pagination.js';
import { validBody, validParam } from '../http/zod.pipe.js';
import { z } from 'zod';
import { RequireRole } from './access.decorator.js';
import { apiKeyView, type ApiKeyView, createApiKeyBody, type CreateApiKeyBody, createdApiKey, whoAmI } from './api-key.schemas.js';
import { ApiKeyService } from './api-key.service.js';
import { CurrentPrincipal, type Principal } from './principal.js';

@ApiTags('keys')
@Controller('v1')
export class KeysController {
  constructor(private readonly keys: ApiKeyService) {}

  @Post('keys')
  @RequireRole('admin')
  @ApiJsonBody(createApiKeyBody)
  @ApiJsonResponse(201, 'The new key; its secret is shown only in this response', createdApiKey)
  @ApiProblems(400)
  create(@CurrentPrincipal() principal: Principal, @Body(validBody(createApiKeyBody)) body: CreateApiKeyBody) {
    return this.keys.create(principal, body);
  }

  @Get('keys')
  @RequireRole('admin')
  @ApiJsonResponse(200, 'All keys, newest first, revoked ones included', pageOf(apiKeyView))
  async list(): Promise<Page<ApiKeyView>> {
    return { items: await this.keys.list(), nextCursor: null };
  }

  @Delete('keys/:id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiJsonResponse(204, 'Revoked (or already revoked)')
  @ApiProblems(400, 404)
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', validParam('id', z.uuid())) id: string): Promise<void> {
    await this.keys.revoke(principal, id);
  }

  @Get('whoami')
  @RequireRole('viewer')
  @ApiJsonResponse(200, 'The caller', whoAmI)
  whoami(@CurrentPrincipal() principal: Principal): z.output<typeof whoAmI> {
    return { actor: principal.actor, name: principal.name, role: principal.role };
  }
}

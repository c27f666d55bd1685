import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiJsonBody, ApiJsonResponse, ApiProblems } from '../http/openapi.decorators.js';
import { type Page, pageOf } from '../http/pagination.js';
import { validBody, validParam } from '../http/zod.pipe.js';
import { RequireRole } from './access.decorator.js';
import { apiKeyView, type ApiKeyView, createdApiKey, createPersonalKeyBody, type CreatePersonalKeyBody } from './api-key.schemas.js';
import { PersonalKeyService } from './personal-key.service.js';
import { CurrentPrincipal, type Principal } from './principal.js';

/** A signed-in person's own API keys (browser session only). */
@ApiTags('keys')
@Controller('v1/me/keys')
export class PersonalKeysController {
  constructor(private readonly keys: PersonalKeyService) {}

  @Post()
  @RequireRole('viewer')
  @ApiJsonBody(createPersonalKeyBody)
  @ApiJsonResponse(201, 'The new key; its secret is shown only in this response', createdApiKey)
  @ApiProblems(400)
  create(@CurrentPrincipal() principal: Principal, @Body(validBody(createPersonalKeyBody)) body: CreatePersonalKeyBody) {
    return this.keys.create(principal, body);
  }

  @Get()
  @RequireRole('viewer')
  @ApiJsonResponse(200, 'Your keys, newest first, revoked and expired ones included', pageOf(apiKeyView))
  async list(@CurrentPrincipal() principal: Principal): Promise<Page<ApiKeyView>> {
    return { items: await this.keys.list(principal), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('viewer')
  @ApiJsonResponse(204, 'Revoked (or already revoked)')
  @ApiProblems(400, 404)
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', validParam('id', z.uuid())) id: string): Promise<void> {
    await this.keys.revoke(principal, id);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ApiJsonBody, ApiJsonResponse, ApiProblems, ApiQueryParams } from '../http/openapi.decorators.js';
import { pageOf } from '../http/pagination.js';
import { validBody, validParam, validQuery } from '../http/zod.pipe.js';
import { createImportBody, type CreateImportBody, importView, listImportsQuery } from './import.schemas.js';
import { ImportService } from './import.service.js';

const importId = validParam('id', z.uuid());

@ApiTags('imports')
@Controller('v1/imports')
export class ImportsController {
  constructor(private readonly imports: ImportService) {}

  @Post()
  @HttpCode(202)
  @RequireRole('publisher')
  @ApiJsonBody(createImportBody)
  @ApiJsonResponse(202, 'Queued; follow it with GET /v1/imports/{id}', importView)
  @ApiProblems(400)
  create(@CurrentPrincipal() principal: Principal, @Body(validBody(createImportBody)) body: CreateImportBody) {
    return this.imports.create(principal, body);
  }

  @Get()
  @RequireRole('publisher')
  @ApiQueryParams(listImportsQuery)
  @ApiJsonResponse(200, 'Imports, newest first', pageOf(importView))
  @ApiProblems(400)
  list(@Query(validQuery(listImportsQuery)) query: z.output<typeof listImportsQuery>) {
    return this.imports.list(query);
  }

  @Get(':id')
  @RequireRole('publisher')
  @ApiJsonResponse(200, 'Status, bytes done and total, per-file progress, error', importView)
  @ApiProblems(400, 404)
  get(@Param('id', importId) id: string) {
    return this.imports.get(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('publisher')
  @ApiJsonResponse(204, 'Removed from the list (failed or cancelled imports, by their starter or an admin)')
  @ApiProblems(400, 403, 404, 409)
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', importId) id: string): Promise<void> {
    await this.imports.remove(principal, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireRole('publisher')
  @ApiJsonResponse(200, 'Cancelled', importView)
  @ApiProblems(400, 404, 409)
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', importId) id: string) {
    return this.imports.cancel(principal, id);
  }
}

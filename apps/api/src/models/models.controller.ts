import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ApiJsonBody, ApiJsonResponse, ApiProblems, ApiQueryParams } from '../http/openapi.decorators.js';
import { type Page, pageOf, pageQuery } from '../http/pagination.js';
import { validBody, validQuery } from '../http/zod.pipe.js';
import {
  createModelBody,
  type CreateModelBody,
  listModelsQuery,
  type ListModelsQuery,
  modelParams as modelParamsSchema,
  modelView,
  updateModelBody,
  type UpdateModelBody,
} from './model.schemas.js';
import { ModelService } from './model.service.js';
import { createVersionBody, type CreateVersionBody, versionDetailView, versionView } from './version.schemas.js';
import { historyEvent, type HistoryEvent } from './version-history.schemas.js';
import { VersionHistoryService } from './version-history.service.js';
import { VersionService } from './version.service.js';
import { ApiModelParams, ApiVersionParams, modelRef, VERSION_ROUTE, type VersionRef, versionRef } from './version-ref.js';

type ModelParams = z.output<typeof modelParamsSchema>;
const listVersionsQuery = z.strictObject(pageQuery);
const MODEL = 'v1/models/:namespace/:name';

@ApiTags('models')
@Controller()
export class ModelsController {
  constructor(
    private readonly models: ModelService,
    private readonly versions: VersionService,
    private readonly versionHistory: VersionHistoryService,
  ) {}

  @Get('v1/models')
  @RequireRole('viewer')
  @ApiQueryParams(listModelsQuery)
  @ApiJsonResponse(200, 'Models, newest first; viewers see only models with an approved version', pageOf(modelView))
  @ApiProblems(400)
  list(@CurrentPrincipal() principal: Principal, @Query(validQuery(listModelsQuery)) query: ListModelsQuery) {
    return this.models.list(principal, query);
  }

  @Post('v1/models')
  @RequireRole('publisher')
  @ApiJsonBody(createModelBody)
  @ApiJsonResponse(201, 'Created', modelView)
  @ApiProblems(400, 409)
  create(@CurrentPrincipal() principal: Principal, @Body(validBody(createModelBody)) body: CreateModelBody) {
    return this.models.create(principal, body);
  }

  @Get(MODEL)
  @RequireRole('viewer')
  @ApiModelParams()
  @ApiJsonResponse(200, 'The model', modelView)
  @ApiProblems(400, 404)
  get(@CurrentPrincipal() principal: Principal, @Param(modelRef) params: ModelParams) {
    return this.models.get(principal, params.namespace, params.name);
  }

  @Patch(MODEL)
  @RequireRole('publisher')
  @ApiModelParams()
  @ApiJsonBody(updateModelBody)
  @ApiJsonResponse(200, 'Updated', modelView)
  @ApiProblems(400, 404)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param(modelRef) params: ModelParams,
    @Body(validBody(updateModelBody)) body: UpdateModelBody,
  ) {
    return this.models.update(principal, params.namespace, params.name, body);
  }

  @Post(`${MODEL}/archive`)
  @RequireRole('publisher')
  @ApiModelParams()
  @ApiJsonResponse(201, 'Archived: hidden from the default listing, still readable', modelView)
  @ApiProblems(400, 404)
  archive(@CurrentPrincipal() principal: Principal, @Param(modelRef) params: ModelParams) {
    return this.models.setStatus(principal, params.namespace, params.name, 'archived');
  }

  @Post(`${MODEL}/unarchive`)
  @RequireRole('publisher')
  @ApiModelParams()
  @ApiJsonResponse(201, 'Active again', modelView)
  @ApiProblems(400, 404)
  unarchive(@CurrentPrincipal() principal: Principal, @Param(modelRef) params: ModelParams) {
    return this.models.setStatus(principal, params.namespace, params.name, 'active');
  }

  @Get(`${MODEL}/versions`)
  @RequireRole('viewer')
  @ApiModelParams()
  @ApiQueryParams(listVersionsQuery)
  @ApiJsonResponse(200, 'Versions, newest first; viewers see approved and deprecated ones only', pageOf(versionView))
  @ApiProblems(400, 404)
  listVersions(
    @CurrentPrincipal() principal: Principal,
    @Param(modelRef) params: ModelParams,
    @Query(validQuery(listVersionsQuery)) query: z.output<typeof listVersionsQuery>,
  ) {
    return this.versions.list(principal, params.namespace, params.name, query);
  }

  @Post(`${MODEL}/versions`)
  @RequireRole('publisher')
  @ApiModelParams()
  @ApiJsonBody(createVersionBody)
  @ApiJsonResponse(201, 'Created as a draft', versionView)
  @ApiProblems(400, 404, 409)
  createVersion(
    @CurrentPrincipal() principal: Principal,
    @Param(modelRef) params: ModelParams,
    @Body(validBody(createVersionBody)) body: CreateVersionBody,
  ) {
    return this.versions.create(principal, params.namespace, params.name, body);
  }

  @Post(`${VERSION_ROUTE}/submit`)
  @RequireRole('publisher')
  @ApiVersionParams()
  @ApiJsonResponse(201, 'Submitted for review: pending_review, files frozen, commitSha set', versionView)
  @ApiProblems(400, 403, 404, 409)
  submit(@CurrentPrincipal() principal: Principal, @Param(versionRef) ref: VersionRef) {
    return this.versions.submit(principal, ref);
  }

  @Get(VERSION_ROUTE)
  @RequireRole('viewer')
  @ApiVersionParams()
  @ApiJsonResponse(200, 'The version with its model card', versionDetailView)
  @ApiProblems(400, 404)
  getVersion(@CurrentPrincipal() principal: Principal, @Param(versionRef) ref: VersionRef) {
    return this.versions.get(principal, ref);
  }

  @Delete(VERSION_ROUTE)
  @HttpCode(204)
  @RequireRole('publisher')
  @ApiVersionParams()
  @ApiResponse({ status: 204, description: 'The draft and its files are gone' })
  @ApiProblems(400, 403, 404, 409)
  async deleteVersion(@CurrentPrincipal() principal: Principal, @Param(versionRef) ref: VersionRef): Promise<void> {
    await this.versions.deleteDraft(principal, ref);
  }

  @Get(`${VERSION_ROUTE}/history`)
  @RequireRole('viewer')
  @ApiVersionParams()
  @ApiJsonResponse(
    200,
    'What happened to the version, oldest first: created, files, submitted, scanned, benchmarked, decided',
    pageOf(historyEvent),
  )
  @ApiProblems(400, 404)
  async history(@CurrentPrincipal() principal: Principal, @Param(versionRef) ref: VersionRef): Promise<Page<HistoryEvent>> {
    return { items: await this.versionHistory.list(principal, ref), nextCursor: null };
  }
}

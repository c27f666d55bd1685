import { applyDecorators, Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ApiJsonBody, ApiJsonResponse, ApiProblems, ApiQueryParams } from '../http/openapi.decorators.js';
import { pageOf, pageQuery } from '../http/pagination.js';
import { validBody, validParam, validQuery } from '../http/zod.pipe.js';
import { CreateModelBody, ListModelsQuery, ModelParams, ModelView, UpdateModelBody } from './model.schemas.js';
import { ModelService } from './model.service.js';
import { CreateVersionBody, VersionDetailView, versionLabel, VersionView } from './version.schemas.js';
import { VersionService } from './version.service.js';

type ModelParams = z.output<typeof ModelParams>;
const modelParams = validParam('path', ModelParams);
const ListVersionsQuery = z.strictObject(pageQuery);
const MODEL = 'v1/models/:namespace/:name';

const ApiModelParams = () =>
  applyDecorators(ApiParam({ name: 'namespace', description: 'Organisation or user' }), ApiParam({ name: 'name', description: 'Model name' }));

@ApiTags('models')
@Controller()
export class ModelsController {
  constructor(
    private readonly models: ModelService,
    private readonly versions: VersionService,
  ) {}

  @Get('v1/models')
  @RequireRole('viewer')
  @ApiQueryParams(ListModelsQuery)
  @ApiJsonResponse(200, 'Models, newest first; viewers see only models with an approved version', pageOf(ModelView))
  @ApiProblems(400)
  list(@CurrentPrincipal() principal: Principal, @Query(validQuery(ListModelsQuery)) query: ListModelsQuery) {
    return this.models.list(principal, query);
  }

  @Post('v1/models')
  @RequireRole('publisher')
  @ApiJsonBody(CreateModelBody)
  @ApiJsonResponse(201, 'Created', ModelView)
  @ApiProblems(400, 409)
  create(@CurrentPrincipal() principal: Principal, @Body(validBody(CreateModelBody)) body: CreateModelBody) {
    return this.models.create(principal, body);
  }

  @Get(MODEL)
  @RequireRole('viewer')
  @ApiModelParams()
  @ApiJsonResponse(200, 'The model', ModelView)
  @ApiProblems(400, 404)
  get(@CurrentPrincipal() principal: Principal, @Param(modelParams) params: ModelParams) {
    return this.models.get(principal, params.namespace, params.name);
  }

  @Patch(MODEL)
  @RequireRole('publisher')
  @ApiModelParams()
  @ApiJsonBody(UpdateModelBody)
  @ApiJsonResponse(200, 'Updated', ModelView)
  @ApiProblems(400, 404)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param(modelParams) params: ModelParams,
    @Body(validBody(UpdateModelBody)) body: UpdateModelBody,
  ) {
    return this.models.update(principal, params.namespace, params.name, body);
  }

  @Post(`${MODEL}/archive`)
  @RequireRole('publisher')
  @ApiModelParams()
  @ApiJsonResponse(201, 'Archived: hidden from the default listing, still readable', ModelView)
  @ApiProblems(400, 404)
  archive(@CurrentPrincipal() principal: Principal, @Param(modelParams) params: ModelParams) {
    return this.models.setStatus(principal, params.namespace, params.name, 'archived');
  }

  @Post(`${MODEL}/unarchive`)
  @RequireRole('publisher')
  @ApiModelParams()
  @ApiJsonResponse(201, 'Active again', ModelView)
  @ApiProblems(400, 404)
  unarchive(@CurrentPrincipal() principal: Principal, @Param(modelParams) params: ModelParams) {
    return this.models.setStatus(principal, params.namespace, params.name, 'active');
  }

  @Get(`${MODEL}/versions`)
  @RequireRole('viewer')
  @ApiModelParams()
  @ApiQueryParams(ListVersionsQuery)
  @ApiJsonResponse(200, 'Versions, newest first; viewers see approved and deprecated ones only', pageOf(VersionView))
  @ApiProblems(400, 404)
  listVersions(
    @CurrentPrincipal() principal: Principal,
    @Param(modelParams) params: ModelParams,
    @Query(validQuery(ListVersionsQuery)) query: z.output<typeof ListVersionsQuery>,
  ) {
    return this.versions.list(principal, params.namespace, params.name, query);
  }

  @Post(`${MODEL}/versions`)
  @RequireRole('publisher')
  @ApiModelParams()
  @ApiJsonBody(CreateVersionBody)
  @ApiJsonResponse(201, 'Created as a draft', VersionView)
  @ApiProblems(400, 404, 409)
  createVersion(
    @CurrentPrincipal() principal: Principal,
    @Param(modelParams) params: ModelParams,
    @Body(validBody(CreateVersionBody)) body: CreateVersionBody,
  ) {
    return this.versions.create(principal, params.namespace, params.name, body);
  }

  @Get(`${MODEL}/versions/:version`)
  @RequireRole('viewer')
  @ApiModelParams()
  @ApiParam({ name: 'version', description: 'Version label' })
  @ApiJsonResponse(200, 'The version with its model card', VersionDetailView)
  @ApiProblems(400, 404)
  getVersion(
    @CurrentPrincipal() principal: Principal,
    @Param(modelParams) params: ModelParams,
    @Param('version', validParam('version', versionLabel)) version: string,
  ) {
    return this.versions.get(principal, params.namespace, params.name, version);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ApiJsonBody, ApiJsonResponse, ApiProblems, ApiQueryParams } from '../http/openapi.decorators.js';
import { pageOf, pageQuery } from '../http/pagination.js';
import { validBody, validParam, validQuery } from '../http/zod.pipe.js';
import { ApiModelParams, ApiVersionParams, modelRef, VERSION_ROUTE, type VersionRef, versionRef } from '../models/version-ref.js';
import {
  benchmarkComparison,
  benchmarkSummary,
  benchmarkView,
  compareQuery,
  type CompareQuery,
  createBenchmarkBody,
  type CreateBenchmarkBody,
} from './benchmark.schemas.js';
import { BenchmarkService } from './benchmark.service.js';

const runId = validParam('id', z.uuid());
const listQuery = z.strictObject(pageQuery);

@ApiTags('benchmarks')
@Controller()
export class BenchmarksController {
  constructor(private readonly benchmarks: BenchmarkService) {}

  @Post(`${VERSION_ROUTE}/benchmarks`)
  @HttpCode(202)
  @RequireRole('publisher')
  @ApiVersionParams()
  @ApiJsonBody(createBenchmarkBody)
  @ApiJsonResponse(202, 'Queued; follow it with GET /v1/benchmarks/{id}', benchmarkView)
  @ApiProblems(400, 404, 409)
  create(
    @CurrentPrincipal() principal: Principal,
    @Param(versionRef) ref: VersionRef,
    @Body(validBody(createBenchmarkBody)) body: CreateBenchmarkBody,
  ) {
    return this.benchmarks.create(principal, ref, body);
  }

  @Get(`${VERSION_ROUTE}/benchmarks`)
  @RequireRole('viewer')
  @ApiVersionParams()
  @ApiQueryParams(listQuery)
  @ApiJsonResponse(200, 'Benchmark runs of this version, newest first', pageOf(benchmarkView))
  @ApiProblems(400, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @Param(versionRef) ref: VersionRef,
    @Query(validQuery(listQuery)) query: z.output<typeof listQuery>,
  ) {
    return this.benchmarks.list(principal, ref, query);
  }

  @Get(`${VERSION_ROUTE}/benchmarks/summary`)
  @RequireRole('viewer')
  @ApiVersionParams()
  @ApiJsonResponse(200, 'Best latency per execution provider and hardware', benchmarkSummary)
  @ApiProblems(400, 404)
  summary(@CurrentPrincipal() principal: Principal, @Param(versionRef) ref: VersionRef) {
    return this.benchmarks.summary(principal, ref);
  }

  @Get('v1/models/:namespace/:name/benchmarks/compare')
  @RequireRole('viewer')
  @ApiModelParams()
  @ApiQueryParams(compareQuery)
  @ApiJsonResponse(200, 'Two versions side by side on the same hardware, provider and settings', benchmarkComparison)
  @ApiProblems(400, 404)
  compare(
    @CurrentPrincipal() principal: Principal,
    @Param(modelRef) model: { namespace: string; name: string },
    @Query(validQuery(compareQuery)) query: CompareQuery,
  ) {
    return this.benchmarks.compare(principal, model.namespace, model.name, query);
  }

  @Get('v1/benchmarks/:id')
  @RequireRole('viewer')
  @ApiJsonResponse(200, 'Status, provider that ran, hardware, settings, metrics, reference check, error and log tail', benchmarkView)
  @ApiProblems(400, 404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', runId) id: string) {
    return this.benchmarks.get(principal, id);
  }

  @Post('v1/benchmarks/:id/cancel')
  @HttpCode(200)
  @RequireRole('publisher')
  @ApiJsonResponse(200, 'Cancelled', benchmarkView)
  @ApiProblems(400, 404, 409)
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', runId) id: string) {
    return this.benchmarks.cancel(principal, id);
  }
}

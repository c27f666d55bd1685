import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { answerRange } from '../files/byte-range.js';
import { sendProblem } from '../http/problem.filter.js';
import { problem } from '../http/problem.js';
import { ApiJsonBody, ApiJsonResponse, ApiProblems, ApiQueryParams } from '../http/openapi.decorators.js';
import { validBody, validParam, validQuery } from '../http/zod.pipe.js';
import { ApiVersionParams, VERSION_ROUTE, type VersionRef, versionRef } from '../models/version-ref.js';
import { BundleExportService } from './bundle-export.service.js';
import { BundleImportService } from './bundle-import.service.js';
import {
  createExportBody,
  type CreateExportBody,
  exportView,
  importQuery,
  type ImportQuery,
  importResultView,
  originView,
} from './bundle.schemas.js';

const exportId = validParam('id', z.uuid());

@ApiTags('bundles')
@Controller()
export class BundlesController {
  constructor(
    private readonly exports: BundleExportService,
    private readonly imports: BundleImportService,
  ) {}

  @Post('v1/exports')
  @HttpCode(202)
  @RequireRole('admin')
  @ApiJsonBody(createExportBody)
  @ApiJsonResponse(202, 'Queued for a worker to write; follow it with GET /v1/exports/{id}', exportView)
  @ApiProblems(400, 404)
  create(@CurrentPrincipal() principal: Principal, @Body(validBody(createExportBody)) body: CreateExportBody) {
    return this.exports.start(principal, body);
  }

  @Get('v1/exports/:id')
  @RequireRole('admin')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiJsonResponse(200, 'The export and, once written, its size', exportView)
  @ApiProblems(400, 404)
  find(@Param('id', exportId) id: string) {
    return this.exports.find(id);
  }

  @Get('v1/exports/:id/download')
  @RequireRole('admin')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiJsonResponse(200, 'The bundle (application/x-tar) from the blob store, by any replica; resumable with Range')
  @ApiProblems(400, 404, 409, 410, 416, 503)
  async download(@Param('id', exportId) id: string, @Headers('range') rangeHeader: string | undefined, @Res() reply: FastifyReply) {
    const tar = await this.exports.tar(id);
    const range = answerRange(rangeHeader, tar.size);
    if (range.kind === 'unsatisfiable') {
      void reply.header('Content-Range', `bytes */${tar.size}`);
      return sendProblem(reply, problem(416, 'range_not_satisfiable', `The bundle has ${tar.size} bytes`));
    }
    const partial = range.kind === 'partial' ? range : undefined;
    // Opened before any header is set, so a storage failure answers a clean 503 problem.
    const body = await this.exports.open(tar.key, partial);
    void reply
      .status(partial ? 206 : 200)
      .header('Accept-Ranges', 'bytes')
      .header('Content-Type', 'application/x-tar')
      .header('Content-Disposition', `attachment; filename="vetted-${id}.tar"`)
      .header('Content-Length', partial ? partial.end - partial.start + 1 : tar.size);
    if (partial) void reply.header('Content-Range', `bytes ${partial.start}-${partial.end}/${tar.size}`);
    return reply.send(body);
  }

  @Delete('v1/exports/:id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiJsonResponse(204, 'Deleted, with its tar; a worker still writing it discards what it wrote')
  @ApiProblems(400, 404)
  async remove(@Param('id', exportId) id: string): Promise<void> {
    await this.exports.remove(id);
  }

  @Post('v1/imports/bundle')
  @RequireRole('admin')
  @ApiConsumes('application/octet-stream')
  @ApiBody({ description: 'The bundle tar, streamed', schema: { type: 'string', format: 'binary' } })
  @ApiQueryParams(importQuery)
  @ApiJsonResponse(200, 'Every version verified and landed (or already here)', importResultView)
  @ApiProblems(400, 409)
  async importBundle(
    @CurrentPrincipal() principal: Principal,
    @Query(validQuery(importQuery)) query: ImportQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await reply.status(200).send(await this.imports.import(principal, request.raw, query.signer));
  }

  @Get(`${VERSION_ROUTE}/origin`)
  @RequireRole('reviewer')
  @ApiVersionParams()
  @ApiJsonResponse(200, 'Where an imported version came from, with the evidence the source site decided on', originView)
  @ApiProblems(404)
  origin(@Param(versionRef) ref: VersionRef) {
    return this.imports.origin(ref);
  }
}

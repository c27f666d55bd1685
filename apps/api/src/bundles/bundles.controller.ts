import { createReadStream } from 'node:fs';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { answerRange } from '../files/byte-range.js';
import { ApiJsonBody, ApiJsonResponse, ApiProblems, ApiQueryParams } from '../http/openapi.decorators.js';
import { validBody, validParam, validQuery } from '../http/zod.pipe.js';
import { ApiVersionParams, VERSION_ROUTE, type VersionRef, versionRef } from '../models/version-ref.js';
import { BundleExportService } from './bundle-export.service.js';
import { BundleImportService } from './bundle-import.service.js';
import { BundleRepository } from './bundle.repository.js';
import {
  createExportBody,
  type CreateExportBody,
  exportView,
  importQuery,
  type ImportQuery,
  importResultView,
  originView,
} from './bundle.schemas.js';
import { DomainError } from '@vetted/domain';

const exportId = validParam('id', z.uuid());

@ApiTags('bundles')
@Controller()
export class BundlesController {
  constructor(
    private readonly exports: BundleExportService,
    private readonly imports: BundleImportService,
    private readonly bundles: BundleRepository,
  ) {}

  @Post('v1/exports')
  @HttpCode(202)
  @RequireRole('admin')
  @ApiJsonBody(createExportBody)
  @ApiJsonResponse(202, 'Being written; follow it with GET /v1/exports/{id}', exportView)
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
  @ApiJsonResponse(200, 'The bundle (application/x-tar); resumable with Range')
  @ApiProblems(400, 404, 409, 416)
  async download(@Param('id', exportId) id: string, @Headers('range') rangeHeader: string | undefined, @Res() reply: FastifyReply) {
    const file = await this.exports.file(id);
    const range = answerRange(rangeHeader, file.size);
    void reply.header('Accept-Ranges', 'bytes').header('Content-Type', 'application/x-tar');
    if (range.kind === 'unsatisfiable') return reply.status(416).header('Content-Range', `bytes */${file.size}`).send();
    void reply.header('Content-Disposition', `attachment; filename="vetted-${id}.tar"`);
    if (range.kind === 'full') return reply.status(200).header('Content-Length', file.size).send(createReadStream(file.path));
    return reply
      .status(206)
      .header('Content-Range', `bytes ${range.start}-${range.end}/${file.size}`)
      .header('Content-Length', range.end - range.start + 1)
      .send(createReadStream(file.path, { start: range.start, end: range.end }));
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
  async origin(@Param(versionRef) ref: VersionRef) {
    const origin = await this.bundles.origin(ref.namespace, ref.name, ref.version);
    if (!origin)
      throw DomainError.notFound('origin_not_found', `${ref.namespace}/${ref.name}@${ref.version} was not imported from a bundle`);
    return { ...origin, importedAt: origin.importedAt.toISOString() };
  }
}

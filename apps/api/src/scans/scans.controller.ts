import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ApiJsonResponse, ApiProblems } from '../http/openapi.decorators.js';
import { ApiVersionParams, VERSION_ROUTE, type VersionRef, versionRef } from '../models/version-ref.js';
import { rescanView, scanView } from './scan.schemas.js';
import { ScanService } from './scan.service.js';

@ApiTags('scans')
@Controller()
export class ScansController {
  constructor(private readonly scans: ScanService) {}

  @Get(`${VERSION_ROUTE}/scan`)
  @RequireRole('viewer')
  @ApiVersionParams()
  @ApiJsonResponse(200, "Each file's scan status, findings and facts, and the version's facts", scanView)
  @ApiProblems(400, 404)
  get(@CurrentPrincipal() principal: Principal, @Param(versionRef) ref: VersionRef) {
    return this.scans.get(principal, ref);
  }

  @Post(`${VERSION_ROUTE}/scan`)
  @HttpCode(202)
  @RequireRole('admin')
  @ApiVersionParams()
  @ApiJsonResponse(202, 'Queued: every file is inspected again', rescanView)
  @ApiProblems(400, 404, 409)
  async rescan(@CurrentPrincipal() principal: Principal, @Param(versionRef) ref: VersionRef) {
    await this.scans.rescan(principal, ref);
    return { version: ref.version, queued: true as const };
  }
}

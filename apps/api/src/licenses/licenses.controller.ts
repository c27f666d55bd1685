import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { License } from '@vetted/db';
import { DomainError } from '@vetted/domain';
import { z } from 'zod';
import { RequireRole } from '../auth/access.decorator.js';
import { ApiJsonResponse, ApiProblems } from '../http/openapi.decorators.js';
import { type Page, pageOf } from '../http/pagination.js';
import { validParam } from '../http/zod.pipe.js';
import { LicenseRepository } from './license.repository.js';
import { licenseView, type LicenseView } from './license.schemas.js';

@ApiTags('licenses')
@Controller('v1/licenses')
export class LicensesController {
  constructor(private readonly licenses: LicenseRepository) {}

  @Get()
  @RequireRole('viewer')
  @ApiJsonResponse(200, 'The license catalog, by id', pageOf(licenseView))
  async list(): Promise<Page<LicenseView>> {
    return { items: (await this.licenses.list()).map(toLicenseView), nextCursor: null };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiJsonResponse(200, 'One license', licenseView)
  @ApiProblems(400, 404)
  async get(@Param('id', validParam('id', z.string().min(1).max(100))) id: string): Promise<LicenseView> {
    const license = await this.licenses.find(id);
    if (!license) throw DomainError.notFound('license_not_found', `No license ${id} in the catalog`);
    return toLicenseView(license);
  }
}

function toLicenseView(license: License): LicenseView {
  return {
    id: license.id,
    spdxId: license.spdxId,
    name: license.name,
    url: license.url,
    terms: license.terms as LicenseView['terms'],
    sourceUrl: license.sourceUrl,
    reviewedAt: license.reviewedAt?.toISOString().slice(0, 10) ?? null,
    updatedAt: license.updatedAt.toISOString(),
  };
}

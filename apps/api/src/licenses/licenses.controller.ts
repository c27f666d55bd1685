import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { License, Prisma } from '@vetted/db';
import { z } from 'zod';
import { AuditRepository } from '../audit/audit.repository.js';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { Transactions } from '../infra/transactions.js';
import { ApiJsonBody, ApiJsonResponse, ApiProblems } from '../http/openapi.decorators.js';
import { type Page, pageOf } from '../http/pagination.js';
import { validBody, validParam } from '../http/zod.pipe.js';
import { LicenseRepository } from './license.repository.js';
import { licenseView, type LicenseView, updateLicenseBody, type UpdateLicenseBody } from './license.schemas.js';

@ApiTags('licenses')
@Controller('v1/licenses')
export class LicensesController {
  constructor(
    private readonly licenses: LicenseRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditRepository,
  ) {}

  @Get()
  @RequireRole('viewer')
  @ApiJsonResponse(200, 'The license catalog, by id', pageOf(licenseView))
  async list(): Promise<Page<LicenseView>> {
    return { items: (await this.licenses.list()).map(toLicenseView), nextCursor: null };
  }

  /** Admins keep the terms true: every edit is audited with the terms before and after. */
  @Patch(':id')
  @RequireRole('admin')
  @ApiJsonBody(updateLicenseBody)
  @ApiJsonResponse(200, 'Updated', licenseView)
  @ApiProblems(400, 404)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', validParam('id', z.string().min(1).max(100))) id: string,
    @Body(validBody(updateLicenseBody)) body: UpdateLicenseBody,
  ): Promise<LicenseView> {
    const updated = await this.transactions.run(async (tx) => {
      const before = await this.licenses.require(id, tx);
      const { reviewedAt, terms, ...rest } = body;
      const after = await this.licenses.update(tx, id, {
        ...rest,
        ...(terms ? { terms } : {}),
        ...(reviewedAt !== undefined ? { reviewedAt: reviewedAt === null ? null : new Date(reviewedAt) } : {}),
      });
      await this.audit.record(tx, {
        actor: principal.actor,
        action: 'license.updated',
        subjectType: 'license',
        subjectId: id,
        data: JSON.parse(JSON.stringify({ before: toLicenseView(before), after: toLicenseView(after) })) as Prisma.InputJsonValue,
      });
      return after;
    });
    return toLicenseView(updated);
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiJsonResponse(200, 'One license', licenseView)
  @ApiProblems(400, 404)
  async get(@Param('id', validParam('id', z.string().min(1).max(100))) id: string): Promise<LicenseView> {
    return toLicenseView(await this.licenses.require(id));
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

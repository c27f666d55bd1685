import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { checkTerms, type LicenseTerms } from '@vetted/licenses';
import { z } from 'zod';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ApiJsonBody, ApiJsonResponse, ApiProblems } from '../http/openapi.decorators.js';
import { validBody, validParam } from '../http/zod.pipe.js';
import { modelParams } from '../models/model.schemas.js';
import { ModelService } from '../models/model.service.js';
import { ApiModelParams, modelRef } from '../models/version-ref.js';
import { VersionRepository } from '../models/version.repository.js';
import { checkResult, intendedUse, type IntendedUseBody } from './license-check.schemas.js';
import { LicenseRepository } from './license.repository.js';

const MULTIMODAL_TASK = /image|visual|video|audio|speech|document/;

/** "May we use this model for X?": the terms checker over the catalog's structured terms. */
@ApiTags('licenses')
@Controller()
export class LicenseCheckController {
  constructor(
    private readonly licenses: LicenseRepository,
    private readonly models: ModelService,
    private readonly versions: VersionRepository,
  ) {}

  @Post('v1/licenses/:id/check')
  @HttpCode(200)
  @RequireRole('viewer')
  @ApiJsonBody(intendedUse)
  @ApiJsonResponse(200, 'Verdict with the terms it rests on (decision support, not legal advice)', checkResult)
  @ApiProblems(400, 404)
  async check(@Param('id', validParam('id', z.string().min(1).max(100))) id: string, @Body(validBody(intendedUse)) use: IntendedUseBody) {
    return checkTerms(await this.license(id), use);
  }

  /** Uses the license of the newest approved version (or the model's), and the model's task for "multimodal". */
  @Post('v1/models/:namespace/:name/license-check')
  @HttpCode(200)
  @RequireRole('viewer')
  @ApiModelParams()
  @ApiJsonBody(intendedUse)
  @ApiJsonResponse(200, 'Verdict for this model', checkResult)
  @ApiProblems(400, 404)
  async checkModel(
    @CurrentPrincipal() principal: Principal,
    @Param(modelRef) params: z.output<typeof modelParams>,
    @Body(validBody(intendedUse)) use: IntendedUseBody,
  ) {
    const model = await this.models.getRow(principal, params.namespace, params.name);
    const latest = await this.versions.latestApproved(model.id);
    const licenseId = latest?.licenseId ?? model.licenseId ?? 'unknown';
    const multimodal = use.multimodal ?? (model.task ? MULTIMODAL_TASK.test(model.task) : undefined);
    return checkTerms(await this.license(licenseId), { ...use, multimodal });
  }

  private async license(id: string): Promise<{ id: string; url: string | null; terms: LicenseTerms }> {
    const license = await this.licenses.require(id);
    return { id: license.id, url: license.sourceUrl ?? license.url, terms: license.terms as unknown as LicenseTerms };
  }
}

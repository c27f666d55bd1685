import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ApiJsonBody, ApiJsonResponse, ApiProblems } from '../http/openapi.decorators.js';
import { validBody } from '../http/zod.pipe.js';
import { policyRules, type PolicyRules, policyView } from './policy.schemas.js';
import { PolicyService } from './policy.service.js';

@ApiTags('policy')
@Controller('v1/policy')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  @Get()
  @RequireRole('viewer')
  @ApiJsonResponse(200, 'The approval rules in force', policyView)
  get() {
    return this.policy.get();
  }

  @Put()
  @RequireRole('admin')
  @ApiJsonBody(policyRules)
  @ApiJsonResponse(200, 'Replaced; audited with before and after', policyView)
  @ApiProblems(400)
  set(@CurrentPrincipal() principal: Principal, @Body(validBody(policyRules)) rules: PolicyRules) {
    return this.policy.set(principal, rules);
  }
}

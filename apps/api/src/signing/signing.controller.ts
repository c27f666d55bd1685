import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ApiJsonBody, ApiJsonResponse, ApiProblems, ApiQueryParams } from '../http/openapi.decorators.js';
import { type Page, pageOf } from '../http/pagination.js';
import { validBody, validParam, validQuery } from '../http/zod.pipe.js';
import { ApiVersionParams, VERSION_ROUTE, type VersionRef, versionRef } from '../models/version-ref.js';
import {
  createTrustedKeyBody,
  type CreateTrustedKeyBody,
  signatureQuery,
  type SignatureQuery,
  signingKeyView,
  type SigningKeyView,
  trustedKeyView,
} from './signing.schemas.js';
import { SigningService } from './signing.service.js';

const trustedKeyId = validParam('id', z.uuid());

@ApiTags('signing')
@Controller()
export class SigningController {
  constructor(private readonly signing: SigningService) {}

  @Get('v1/signing-keys')
  @RequireRole('viewer')
  @ApiJsonResponse(200, "The site's public signing key(s): what model.sig files and signed statements verify with", pageOf(signingKeyView))
  signingKeys(): Page<SigningKeyView> {
    return { items: this.signing.signingKeys(), nextCursor: null };
  }

  @Get(`${VERSION_ROUTE}/signature`)
  @RequireRole('viewer')
  @Header('Content-Type', 'application/json')
  @ApiVersionParams()
  @ApiQueryParams(signatureQuery)
  @ApiJsonResponse(200, 'The Sigstore bundle (OpenSSF model signing): the approval, or the latest deprecate/revoke statement')
  @ApiProblems(400, 404)
  signature(
    @CurrentPrincipal() principal: Principal,
    @Param(versionRef) ref: VersionRef,
    @Query(validQuery(signatureQuery)) query: SignatureQuery,
  ) {
    return this.signing.signature(principal, ref, query.kind);
  }

  @Get('v1/trusted-keys')
  @RequireRole('admin')
  @ApiJsonResponse(200, 'Keys whose signatures on arriving models are trusted (the site key always is)', pageOf(trustedKeyView))
  async trustedKeys() {
    return { items: await this.signing.trustedKeys(), nextCursor: null };
  }

  @Post('v1/trusted-keys')
  @RequireRole('admin')
  @ApiJsonBody(createTrustedKeyBody)
  @ApiJsonResponse(201, 'Trusted from now on; scans of later arriving versions use it', trustedKeyView)
  @ApiProblems(400, 409)
  trust(@CurrentPrincipal() principal: Principal, @Body(validBody(createTrustedKeyBody)) body: CreateTrustedKeyBody) {
    return this.signing.trust(principal, body);
  }

  @Delete('v1/trusted-keys/:id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiJsonResponse(204, 'No longer trusted')
  @ApiProblems(400, 404)
  async distrust(@CurrentPrincipal() principal: Principal, @Param('id', trustedKeyId) id: string): Promise<void> {
    await this.signing.distrust(principal, id);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ApiJsonBody, ApiJsonResponse, ApiProblems } from '../http/openapi.decorators.js';
import { type Page, pageOf } from '../http/pagination.js';
import { validBody } from '../http/zod.pipe.js';
import { ApiVersionParams, VERSION_ROUTE, type VersionRef, versionRef } from '../models/version-ref.js';
import { versionView } from '../models/version.schemas.js';
import {
  createReviewBody,
  type CreateReviewBody,
  lifecycleBody,
  type LifecycleBody,
  queueItem,
  type QueueItem,
  reviewView,
  type ReviewView,
} from './review.schemas.js';
import { ReviewService } from './review.service.js';

@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(private readonly reviews: ReviewService) {}

  @Post(`${VERSION_ROUTE}/reviews`)
  @RequireRole('reviewer')
  @ApiVersionParams()
  @ApiJsonBody(createReviewBody)
  @ApiJsonResponse(201, 'Decided: the version is approved or rejected, the evidence recorded', reviewView)
  @ApiProblems(400, 404, 409)
  review(
    @CurrentPrincipal() principal: Principal,
    @Param(versionRef) ref: VersionRef,
    @Body(validBody(createReviewBody)) body: CreateReviewBody,
  ) {
    return this.reviews.review(principal, ref, body);
  }

  @Get(`${VERSION_ROUTE}/reviews`)
  @RequireRole('viewer')
  @ApiVersionParams()
  @ApiJsonResponse(200, 'Reviews of this version, oldest first', pageOf(reviewView))
  @ApiProblems(400, 404)
  async list(@CurrentPrincipal() principal: Principal, @Param(versionRef) ref: VersionRef): Promise<Page<ReviewView>> {
    return { items: await this.reviews.list(principal, ref), nextCursor: null };
  }

  @Post(`${VERSION_ROUTE}/deprecate`)
  @HttpCode(200)
  @RequireRole('reviewer')
  @ApiVersionParams()
  @ApiJsonBody(lifecycleBody)
  @ApiJsonResponse(200, 'Deprecated: still downloadable, flagged', versionView)
  @ApiProblems(400, 404, 409)
  deprecate(
    @CurrentPrincipal() principal: Principal,
    @Param(versionRef) ref: VersionRef,
    @Body(validBody(lifecycleBody)) body: LifecycleBody,
  ) {
    return this.reviews.setLifecycle(principal, ref, 'deprecated', body.reason);
  }

  @Post(`${VERSION_ROUTE}/revoke`)
  @HttpCode(200)
  @RequireRole('reviewer')
  @ApiVersionParams()
  @ApiJsonBody(lifecycleBody)
  @ApiJsonResponse(200, 'Revoked: no longer downloadable anywhere, /hf included', versionView)
  @ApiProblems(400, 404, 409)
  revoke(
    @CurrentPrincipal() principal: Principal,
    @Param(versionRef) ref: VersionRef,
    @Body(validBody(lifecycleBody)) body: LifecycleBody,
  ) {
    return this.reviews.setLifecycle(principal, ref, 'revoked', body.reason);
  }

  @Get('v1/reviews/queue')
  @RequireRole('reviewer')
  @ApiJsonResponse(200, 'Versions waiting for review, oldest first, with their evidence', pageOf(queueItem))
  async queue(): Promise<Page<QueueItem>> {
    return { items: await this.reviews.queue(), nextCursor: null };
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { RequireRole } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { ApiJsonBody, ApiJsonResponse, ApiProblems, ApiQueryParams } from '../http/openapi.decorators.js';
import { type Page, pageOf } from '../http/pagination.js';
import { validBody, validParam, validQuery } from '../http/zod.pipe.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import {
  createdWebhook,
  createWebhookBody,
  type CreateWebhookBody,
  deliveryView,
  listDeliveriesQuery,
  type ListDeliveriesQuery,
  rotatedSecret,
  updateWebhookBody,
  type UpdateWebhookBody,
  webhookView,
  type WebhookView,
} from './webhook.schemas.js';
import { WebhookService } from './webhook.service.js';

const webhookId = validParam('id', z.uuid());
const deliveryId = validParam('deliveryId', z.uuid());

@ApiTags('webhooks')
@Controller('v1/webhooks')
@RequireRole('admin')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhookService,
    private readonly deliveries: WebhookDeliveryService,
  ) {}

  @Post()
  @ApiJsonBody(createWebhookBody)
  @ApiJsonResponse(201, 'The new webhook; its signing secret is shown only in this response', createdWebhook)
  @ApiProblems(400)
  create(@CurrentPrincipal() principal: Principal, @Body(validBody(createWebhookBody)) body: CreateWebhookBody) {
    return this.webhooks.create(principal, body);
  }

  @Get()
  @ApiJsonResponse(200, 'Every webhook, newest first', pageOf(webhookView))
  async list(): Promise<Page<WebhookView>> {
    return { items: await this.webhooks.list(), nextCursor: null };
  }

  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiJsonResponse(200, 'One webhook, with why it is disabled if it is', webhookView)
  @ApiProblems(400, 404)
  get(@Param('id', webhookId) id: string) {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiJsonBody(updateWebhookBody)
  @ApiJsonResponse(200, 'Updated; enabling a disabled webhook resumes its pending deliveries', webhookView)
  @ApiProblems(400, 404)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', webhookId) id: string,
    @Body(validBody(updateWebhookBody)) body: UpdateWebhookBody,
  ) {
    return this.webhooks.update(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiJsonResponse(204, 'Deleted, with its delivery log')
  @ApiProblems(400, 404)
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', webhookId) id: string): Promise<void> {
    await this.webhooks.remove(principal, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiJsonResponse(200, 'A new signing secret, shown only in this response; the old one stops at once', rotatedSecret)
  @ApiProblems(400, 404)
  rotateSecret(@CurrentPrincipal() principal: Principal, @Param('id', webhookId) id: string) {
    return this.webhooks.rotateSecret(principal, id);
  }

  @Get(':id/deliveries')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQueryParams(listDeliveriesQuery)
  @ApiJsonResponse(200, 'The delivery log, newest first', pageOf(deliveryView))
  @ApiProblems(400, 404)
  listDeliveries(@Param('id', webhookId) id: string, @Query(validQuery(listDeliveriesQuery)) query: ListDeliveriesQuery) {
    return this.deliveries.list(id, query);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'deliveryId', format: 'uuid' })
  @ApiJsonResponse(202, 'A new delivery of the same event (same webhook-id), due now', deliveryView)
  @ApiProblems(400, 404, 409)
  redeliver(
    @CurrentPrincipal() principal: Principal,
    @Param('id', webhookId) id: string,
    @Param('deliveryId', deliveryId) delivery: string,
  ) {
    return this.deliveries.redeliver(principal, id, delivery);
  }
}

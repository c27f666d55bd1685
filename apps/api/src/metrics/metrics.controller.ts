import { Controller, Get, Header } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/access.decorator.js';
import { ApiJsonResponse } from '../http/openapi.decorators.js';
import { MetricsService } from './metrics.service.js';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  // Viewer, not admin: a Prometheus scraper should not need a key that can change anything.
  @Get()
  @RequireRole('viewer')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiJsonResponse(200, 'Prometheus text exposition format')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

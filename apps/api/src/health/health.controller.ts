import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainError } from '@vetted/domain';
import { z } from 'zod';
import { Public } from '../auth/access.decorator.js';
import { ApiJsonResponse, ApiProblems } from '../http/openapi.decorators.js';
import { PrismaService } from '../infra/prisma.service.js';

const health = z.object({ status: z.literal('ok'), database: z.literal('ok') });

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly db: PrismaService) {}

  @Get()
  @Public()
  @HttpCode(200)
  @ApiJsonResponse(200, 'The API and its database are up', health)
  @ApiProblems(503)
  async check(): Promise<z.output<typeof health>> {
    try {
      await this.db.$queryRaw`SELECT 1`;
    } catch {
      throw new DomainError('unavailable', 'database_unavailable', 'The database does not answer');
    }
    return { status: 'ok', database: 'ok' };
  }
}

import { Injectable } from '@nestjs/common';
import { PrismaService } from '../infra/prisma.service.js';

@Injectable()
export class HealthRepository {
  constructor(private readonly db: PrismaService) {}

  /** Resolves when the database answers a query. */
  async probeDatabase(): Promise<void> {
    await this.db.$queryRaw`SELECT 1`;
  }
}

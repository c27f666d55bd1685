import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { requireDatabaseUrl } from '@vetted/config';
import { createDatabasePool, PrismaClient, prismaOptions } from '@vetted/db';
import type pg from 'pg';
import { refuseAbandonedRead } from '../http/abandoned-requests.js';
import { CONFIG, type Config } from './config.provider.js';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  /** The connections Prisma uses; the catalog's hottest reads run on them without Prisma (ModelRepository, queryRows). */
  readonly pool: pg.Pool;

  constructor(@Inject(CONFIG) config: Config) {
    const pool = createDatabasePool(requireDatabaseUrl(config), undefined, refuseAbandonedRead);
    super(prismaOptions(pool));
    this.pool = pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

/** The client handed to a `$transaction` callback. */
export type Transaction = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];

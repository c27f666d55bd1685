import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { requireDatabaseUrl } from '@vetted/config';
import { PrismaClient, prismaOptions } from '@vetted/db';
import { refuseAbandonedRead } from '../http/abandoned-requests.js';
import { CONFIG, type Config } from './config.provider.js';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(CONFIG) config: Config) {
    super(prismaOptions(requireDatabaseUrl(config), undefined, refuseAbandonedRead));
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

/** The client handed to a `$transaction` callback. */
export type Transaction = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];

import { Controller, Get, HttpCode, Inject, Logger } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainError } from '@vetted/domain';
import type { BlobStore } from '@vetted/storage';
import { z } from 'zod';
import { Public } from '../auth/access.decorator.js';
import { ApiJsonResponse, ApiProblems } from '../http/openapi.decorators.js';
import { RETRY_AFTER_SECONDS } from '../http/outage.js';
import { BLOB_STORE } from '../infra/blob-store.provider.js';
import { HealthRepository } from './health.repository.js';

const health = z.object({ status: z.literal('ok'), database: z.literal('ok'), storage: z.literal('ok') });
type Check = 'ok' | 'unavailable';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('health');

  constructor(
    private readonly database: HealthRepository,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
  ) {}

  /** Public, so it names what is down but not why (that goes to the log). */
  @Get()
  @Public()
  @HttpCode(200)
  @ApiJsonResponse(200, 'The API, its database and its weight storage are up', health)
  @ApiProblems(503)
  async check(): Promise<z.output<typeof health>> {
    const [database, storage] = await Promise.all([
      this.verify('database', () => this.database.probeDatabase()),
      this.verify('storage', () => this.store.probe()),
    ]);
    if (database === 'ok' && storage === 'ok') return { status: 'ok', database, storage };
    const [code, message] =
      database === 'ok'
        ? ['storage_unavailable', 'Weight storage does not answer']
        : ['database_unavailable', 'The database does not answer'];
    throw new DomainError('unavailable', code, message, [], RETRY_AFTER_SECONDS, { database, storage });
  }

  private async verify(name: string, probe: () => Promise<unknown>): Promise<Check> {
    try {
      await probe();
      return 'ok';
    } catch (error) {
      this.logger.warn(`${name} unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return 'unavailable';
    }
  }
}

import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type BlobStore, type RecordedBlob, verifyBlobs } from '@vetted/storage';
import { z } from 'zod';
import { RequireRole } from '../auth/access.decorator.js';
import { ApiJsonResponse, ApiQueryParams } from '../http/openapi.decorators.js';
import { validQuery } from '../http/zod.pipe.js';
import { BLOB_STORE } from '../infra/blob-store.provider.js';
import { FileRepository } from './file.repository.js';

const verifyQuery = z.strictObject({
  rehash: z.enum(['true', 'false']).default('false').describe('Also re-read every object and compare its sha256 (slow)'),
});

const blobReport = z.object({
  checked: z.number(),
  rehashed: z.boolean(),
  missing: z.array(z.object({ sha256: z.string(), storageKey: z.string() })),
  corrupt: z.array(z.object({ sha256: z.string(), storageKey: z.string(), problem: z.string() })),
  unreferenced: z.array(z.string()),
  staleUploads: z
    .object({
      count: z.number().nullable().describe('null where the store cannot list them'),
      bytes: z.number().nullable().describe('null where the store cannot tell (S3)'),
    })
    .describe('Writes abandoned by a process that died mid-upload; removed at start and every hour'),
});

const PAGE = 1000;

@ApiTags('operations')
@Controller('v1/admin/blobs')
export class BlobIntegrityController {
  constructor(
    private readonly files: FileRepository,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
  ) {}

  @Get('verify')
  @RequireRole('admin')
  @ApiQueryParams(verifyQuery)
  @ApiJsonResponse(200, 'Every recorded blob checked against storage', blobReport)
  verify(@Query(validQuery(verifyQuery)) query: z.output<typeof verifyQuery>) {
    return verifyBlobs(this.recordedBlobs(), this.store, { rehash: query.rehash === 'true' });
  }

  private async *recordedBlobs(): AsyncIterable<RecordedBlob> {
    let after = '';
    while (true) {
      const page = await this.files.blobsAfter(after, PAGE);
      yield* page;
      if (page.length < PAGE) return;
      after = page.at(-1)!.sha256;
    }
  }
}

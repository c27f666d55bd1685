import { Injectable } from '@nestjs/common';
import type { ReceivedJob } from '@vetted/queue';
import { JobHandler } from '../job-handler.decorator.js';
import { Importer } from './importer.js';

@Injectable()
export class ImportHandler {
  constructor(private readonly importer: Importer) {}

  @JobHandler('import.run')
  handle(job: ReceivedJob<'import.run'>): Promise<void> {
    return this.importer.run(job.data.importId);
  }
}

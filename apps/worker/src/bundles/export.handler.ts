import { Injectable } from '@nestjs/common';
import type { ReceivedJob } from '@vetted/queue';
import { JobHandler } from '../job-handler.decorator.js';
import { BundleExporter } from './bundle-exporter.js';

@Injectable()
export class ExportHandler {
  constructor(private readonly exporter: BundleExporter) {}

  @JobHandler('bundle.export')
  handle(job: ReceivedJob<'bundle.export'>): Promise<void> {
    return this.exporter.run(job.data.exportId, job.lastAttempt);
  }
}

import { Injectable } from '@nestjs/common';
import type { ReceivedJob } from '@vetted/queue';
import { JobHandler } from '../job-handler.decorator.js';
import { VersionScanner } from './version-scanner.js';

@Injectable()
export class ScanHandler {
  constructor(private readonly scanner: VersionScanner) {}

  @JobHandler('version.scan')
  async handle(job: ReceivedJob<'version.scan'>): Promise<void> {
    await this.scanner.scan(job.data.versionId);
  }
}

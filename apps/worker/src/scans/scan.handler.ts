import { Injectable, Logger } from '@nestjs/common';
import type { ReceivedJob } from '@vetted/queue';
import { Transactions } from '../infra/transactions.js';
import { JobHandler } from '../job-handler.decorator.js';
import { describeWriteError } from './database-error.js';
import { endScanWithError } from './scan-error-ending.js';
import { ScanRepository } from './scan.repository.js';
import { VersionScanner } from './version-scanner.js';

@Injectable()
export class ScanHandler {
  private readonly logger = new Logger(ScanHandler.name);

  constructor(
    private readonly scanner: VersionScanner,
    private readonly scans: ScanRepository,
    private readonly transactions: Transactions,
  ) {}

  /** Failures are retried by the queue; the last one ends the scan as `error`, so no version stays pending. */
  @JobHandler('version.scan')
  async handle(job: ReceivedJob<'version.scan'>): Promise<void> {
    try {
      await this.scanner.scan(job.data.versionId);
    } catch (error) {
      if (!job.lastAttempt) throw error;
      const reason = describeWriteError(error);
      const ended = await endScanWithError(this.transactions, this.scans, job.data.versionId, {
        severity: 'critical',
        code: 'scan_failed',
        message: `The scan failed ${job.attempt} times and was given up (last error: ${reason}); every file is marked error until a new scan succeeds`,
      });
      if (ended) this.logger.error(`version.scan ${job.id}: given up after ${job.attempt} attempts: ${reason}`);
    }
  }
}

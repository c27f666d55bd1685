import { Injectable } from '@nestjs/common';
import { DomainError } from '@vetted/domain';
import { storedFacts, storedFindings } from '@vetted/lifecycle';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Principal } from '../auth/principal.js';
import { QueueService } from '../infra/queue.service.js';
import { Transactions } from '../infra/transactions.js';
import type { VersionRef } from '../models/version-ref.js';
import { VersionRepository } from '../models/version.repository.js';
import { VersionService } from '../models/version.service.js';
import { countScanStatuses, versionScanStatus } from './scan-status.js';
import { ScanRepository } from './scan.repository.js';
import type { ScanView } from './scan.schemas.js';

@Injectable()
export class ScanService {
  constructor(
    private readonly transactions: Transactions,
    private readonly scans: ScanRepository,
    private readonly versions: VersionRepository,
    private readonly versionService: VersionService,
    private readonly queue: QueueService,
    private readonly audit: AuditRepository,
  ) {}

  async get(principal: Principal, ref: VersionRef): Promise<ScanView> {
    const { version } = await this.versionService.findVisible(principal, ref);
    const files = await this.scans.files(version.id);
    const statuses = files.map((file) => file.scanStatus);
    return {
      version: version.label,
      status: versionScanStatus(statuses),
      scannedAt: version.scannedAt?.toISOString() ?? null,
      counts: countScanStatuses(statuses),
      facts: storedFacts.parse(version.facts),
      files: files.map((file) => ({
        path: file.path,
        format: file.format,
        status: file.scanStatus,
        findings: storedFindings.parse(file.scanFindings),
        facts: storedFacts.parse(file.facts),
      })),
    };
  }

  /** Inspect again (a newer scanner, a changed policy): files go back to pending until the worker is done. */
  async rescan(principal: Principal, ref: VersionRef): Promise<void> {
    const { version } = await this.versionService.findRow(principal, ref);
    await this.transactions.run(async (tx) => {
      const status = await this.versions.lockStatus(tx, version.id);
      if (!status || status === 'draft' || status === 'revoked') {
        throw DomainError.conflict('version_not_scannable', `A version that is ${status ?? 'gone'} is not scanned`);
      }
      await this.scans.requestRescan(tx, version.id);
      await this.queue.send(tx, 'version.scan', { versionId: version.id });
      await this.audit.record(tx, {
        actor: principal.actor,
        action: 'version.rescan_requested',
        subjectType: 'model_version',
        subjectId: `${ref.namespace}/${ref.name}@${ref.version}`,
      });
    });
  }
}

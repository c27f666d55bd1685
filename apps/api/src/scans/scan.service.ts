import { Injectable } from '@nestjs/common';
import { DomainError } from '@vetted/domain';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Principal } from '../auth/principal.js';
import { PrismaService } from '../infra/prisma.service.js';
import { QueueService } from '../infra/queue.service.js';
import type { VersionRef } from '../models/version-ref.js';
import { VersionRepository } from '../models/version.repository.js';
import { VersionService } from '../models/version.service.js';
import { countScanStatuses, versionScanStatus } from './scan-status.js';
import type { ScanView } from './scan.schemas.js';

@Injectable()
export class ScanService {
  constructor(
    private readonly db: PrismaService,
    private readonly versions: VersionRepository,
    private readonly versionService: VersionService,
    private readonly queue: QueueService,
    private readonly audit: AuditRepository,
  ) {}

  async get(principal: Principal, ref: VersionRef): Promise<ScanView> {
    const { version } = await this.versionService.findVisible(principal, ref);
    const files = await this.db.modelFile.findMany({
      where: { versionId: version.id },
      orderBy: { path: 'asc' },
      select: { path: true, format: true, scanStatus: true, scanFindings: true, facts: true },
    });
    const statuses = files.map((file) => file.scanStatus);
    return {
      version: version.label,
      status: versionScanStatus(statuses),
      scannedAt: version.scannedAt?.toISOString() ?? null,
      counts: countScanStatuses(statuses),
      facts: (version.facts ?? {}) as Record<string, unknown>,
      files: files.map((file) => ({
        path: file.path,
        format: file.format,
        status: file.scanStatus,
        findings: file.scanFindings as ScanView['files'][number]['findings'],
        facts: (file.facts ?? {}) as Record<string, unknown>,
      })),
    };
  }

  /** Inspect again (a newer scanner, a changed policy): files go back to pending until the worker is done. */
  async rescan(principal: Principal, ref: VersionRef): Promise<void> {
    const { version } = await this.versionService.findRow(principal, ref);
    await this.db.$transaction(async (tx) => {
      const status = await this.versions.lockStatus(tx, version.id);
      if (!status || status === 'draft' || status === 'revoked') {
        throw DomainError.conflict('version_not_scannable', `A version that is ${status ?? 'gone'} is not scanned`);
      }
      await tx.modelFile.updateMany({ where: { versionId: version.id }, data: { scanStatus: 'pending' } });
      await tx.modelVersion.update({ where: { id: version.id }, data: { scannedAt: null, scanRequestedAt: new Date() } });
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

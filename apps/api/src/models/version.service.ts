import { Injectable } from '@nestjs/common';
import { decodeTimeCursor, DomainError, encodeTimeCursor, manifestCommitSha } from '@vetted/domain';
import type { ModelVersion } from '@vetted/db';
import { AuditRepository } from '../audit/audit.repository.js';
import { FileRepository } from '../files/file.repository.js';
import type { Principal } from '../auth/principal.js';
import { type Page, pageFrom } from '../http/pagination.js';
import { PrismaService } from '../infra/prisma.service.js';
import { QueueService } from '../infra/queue.service.js';
import { isUniqueViolation } from '../infra/unique-violation.js';
import { assertKnownLicense } from '../licenses/license-reference.js';
import { LicenseRepository } from '../licenses/license.repository.js';
import { ModelService, seesUnapproved } from './model.service.js';
import type { ModelRow } from './model.repository.js';
import type { VersionRef } from './version-ref.js';
import { toVersionView } from './version.mapper.js';
import { VersionRepository, VISIBLE_STATUSES } from './version.repository.js';
import type { CreateVersionBody, VersionView } from './version.schemas.js';

@Injectable()
export class VersionService {
  constructor(
    private readonly db: PrismaService,
    private readonly models: ModelService,
    private readonly versions: VersionRepository,
    private readonly licenses: LicenseRepository,
    private readonly files: FileRepository,
    private readonly audit: AuditRepository,
    private readonly queue: QueueService,
  ) {}

  /** The model and version as this principal may address them, or model/version_not_found. */
  async findRow(principal: Principal, ref: VersionRef): Promise<{ model: ModelRow; version: ModelVersion }> {
    const model = await this.models.getRow(principal, ref.namespace, ref.name);
    const version = await this.versions.find(model.id, ref.version);
    if (!version) throw DomainError.notFound('version_not_found', `No version ${ref.version} of ${ref.namespace}/${ref.name}`);
    return { model, version };
  }

  /** Like findRow, but a viewer gets version_not_found for a version that is not approved (or deprecated). */
  async findVisible(principal: Principal, ref: VersionRef): Promise<{ model: ModelRow; version: ModelVersion }> {
    const found = await this.findRow(principal, ref);
    if (!seesUnapproved(principal) && !VISIBLE_STATUSES.includes(found.version.status)) {
      throw DomainError.notFound('version_not_found', `No version ${ref.version} of ${ref.namespace}/${ref.name}`);
    }
    return found;
  }

  /** draft → pending_review: the file list freezes, the version gets its manifest commit sha and a scan is queued. */
  async submit(principal: Principal, namespace: string, name: string, label: string): Promise<VersionView> {
    const { version: found } = await this.findRow(principal, { namespace, name, version: label });
    if (await this.versions.importInProgress(found.id)) throw importInProgress(label);
    const submitted = await this.db.$transaction(async (tx) => {
      const status = await this.versions.lockStatus(tx, found.id);
      if (status !== 'draft')
        throw DomainError.conflict('version_not_draft', `Version ${label} is ${status}; only drafts can be submitted`);
      const files = await this.files.list(found.id, tx);
      if (files.length === 0) throw DomainError.conflict('version_empty', `Version ${label} has no files to submit`);
      const version = await this.versions.submit(tx, found.id, found.commitSha ?? manifestCommitSha(files));
      await this.queue.send(tx, 'version.scan', { versionId: found.id });
      await this.audit.record(tx, {
        actor: principal.actor,
        action: 'version.submitted',
        subjectType: 'model_version',
        subjectId: `${namespace}/${name}@${label}`,
        data: { commitSha: version.commitSha, files: files.length },
      });
      return version;
    });
    return toVersionView(submitted);
  }

  async list(
    principal: Principal,
    namespace: string,
    name: string,
    page: { cursor?: string | undefined; limit: number },
  ): Promise<Page<VersionView>> {
    const model = await this.models.getRow(principal, namespace, name);
    const rows = await this.versions.list(model.id, {
      visibleOnly: !seesUnapproved(principal),
      after: page.cursor ? decodeTimeCursor(page.cursor) : undefined,
      limit: page.limit + 1,
    });
    return pageFrom(rows, page.limit, toVersionView, encodeTimeCursor);
  }

  async get(principal: Principal, namespace: string, name: string, label: string): Promise<VersionView & { card: unknown }> {
    const { version } = await this.findVisible(principal, { namespace, name, version: label });
    return { ...toVersionView(version), card: version.card };
  }

  async create(principal: Principal, namespace: string, name: string, input: CreateVersionBody): Promise<VersionView> {
    const model = await this.models.getRow(principal, namespace, name);
    if (model.status === 'archived') {
      throw DomainError.conflict('model_archived', `Model ${namespace}/${name} is archived; unarchive it to add versions`);
    }
    try {
      const version = await this.db.$transaction(async (tx) => {
        await assertKnownLicense(this.licenses, tx, input.license);
        const created = await this.versions.create(tx, {
          modelId: model.id,
          label: input.version,
          licenseId: input.license ?? null,
          createdBy: principal.actor,
        });
        await this.audit.record(tx, {
          actor: principal.actor,
          action: 'version.created',
          subjectType: 'model_version',
          subjectId: `${namespace}/${name}@${input.version}`,
          data: { versionId: created.id },
        });
        return created;
      });
      return toVersionView(version);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw DomainError.conflict('version_exists', `Version ${input.version} of ${namespace}/${name} already exists`);
      }
      throw error;
    }
  }
}

export const importInProgress = (label: string): DomainError =>
  DomainError.conflict('import_in_progress', `Version ${label} is being filled by an import; wait for it to finish or cancel it`);

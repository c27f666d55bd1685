import { Injectable } from '@nestjs/common';
import { decodeTimeCursor, DomainError, encodeTimeCursor, hasRole, manifestCommitSha } from '@vetted/domain';
import type { ModelVersion } from '@vetted/db';
import { changeVersionStatus, LISTED_STATUSES } from '@vetted/lifecycle';
import { AuditRepository } from '../audit/audit.repository.js';
import { ActorDirectory } from '../auth/actor-directory.js';
import { BlobCollector } from '../files/blob-collector.js';
import { FileRepository } from '../files/file.repository.js';
import type { Principal } from '../auth/principal.js';
import { type Page, pageFrom } from '../http/pagination.js';
import { QueueService } from '../infra/queue.service.js';
import { Transactions } from '../infra/transactions.js';
import { isUniqueViolation } from '../infra/unique-violation.js';
import { assertKnownLicense } from '../licenses/license-reference.js';
import { LicenseRepository } from '../licenses/license.repository.js';
import { ModelService, seesUnapproved } from './model.service.js';
import type { ModelRow } from './model.repository.js';
import { subjectOf, type VersionRef } from './version-ref.js';
import { toVersionView } from './version.mapper.js';
import { VersionRepository } from './version.repository.js';
import type { CreateVersionBody, VersionView } from './version.schemas.js';

@Injectable()
export class VersionService {
  constructor(
    private readonly transactions: Transactions,
    private readonly models: ModelService,
    private readonly versions: VersionRepository,
    private readonly licenses: LicenseRepository,
    private readonly files: FileRepository,
    private readonly audit: AuditRepository,
    private readonly queue: QueueService,
    private readonly actors: ActorDirectory,
    private readonly blobs: BlobCollector,
  ) {}

  /** The model and version as this principal may address them, or model/version_not_found. */
  async findRow(principal: Principal, ref: VersionRef): Promise<{ model: ModelRow; version: ModelVersion }> {
    const model = await this.models.getRow(principal, ref.namespace, ref.name);
    const version = await this.versions.find(model.id, ref.version);
    if (!version) throw versionNotFound(ref);
    return { model, version };
  }

  /** Like findRow, but a viewer gets version_not_found for a version that was never approved. */
  async findVisible(principal: Principal, ref: VersionRef): Promise<{ model: ModelRow; version: ModelVersion }> {
    const found = await this.findRow(principal, ref);
    if (!seesUnapproved(principal) && !LISTED_STATUSES.includes(found.version.status)) throw versionNotFound(ref);
    return found;
  }

  /**
   * A draft this principal may change: only its owner (who created it, or started the import that
   * did) or an admin writes into a draft, and never while an import is still filling it.
   */
  async findDraft(
    principal: Principal,
    ref: VersionRef,
    notDraft: (ref: VersionRef, status: string) => DomainError = versionFrozen,
  ): Promise<{ model: ModelRow; version: ModelVersion }> {
    const found = await this.findRow(principal, ref);
    if (found.version.status !== 'draft') throw notDraft(ref, found.version.status);
    if (await this.versions.importInProgress(found.version.id)) throw importInProgress(ref.version);
    const owner = await this.versions.ownerOf(found.version);
    if (owner !== principal.actor && !hasRole(principal.role, 'admin')) {
      const { name } = await this.actors.describeOne(owner);
      throw new DomainError(
        'forbidden',
        'not_draft_owner',
        `Only ${name}, who created draft ${ref.version}, or an admin may change it; create your own version instead`,
      );
    }
    return found;
  }

  /** draft → pending_review: the file list freezes, the version gets its manifest commit sha and a scan is queued. */
  async submit(principal: Principal, ref: VersionRef): Promise<VersionView> {
    const { version: found } = await this.findDraft(principal, ref, notDraft);
    const submitted = await this.transactions.run(async (tx) => {
      const status = await this.versions.lockStatus(tx, found.id);
      if (status !== 'draft') throw notDraft(ref, status ?? 'gone');
      const files = await this.files.list(found.id, tx);
      if (files.length === 0) throw DomainError.conflict('version_empty', `Version ${ref.version} has no files to submit`);
      const commitSha = found.commitSha ?? manifestCommitSha(files);
      const { version } = await changeVersionStatus(tx, {
        versionId: found.id,
        subject: ref,
        to: 'pending_review',
        fields: { commitSha },
        actor: principal.actor,
        actorName: principal.name,
        audit: { action: 'version.submitted', data: { commitSha, files: files.length } },
        event: () => ({
          type: 'version.submitted',
          actor: principal.actor,
          actorName: principal.name,
          subjectType: 'model_version',
          subjectId: subjectOf(ref),
          namespace: ref.namespace,
          payload: { model: `${ref.namespace}/${ref.name}`, version: ref.version, commitSha, files: files.length },
        }),
      });
      await this.versions.addContributor(tx, found.id, principal.actor, 'submitted');
      await this.queue.send(tx, 'version.scan', { versionId: found.id });
      return version;
    });
    return this.view(submitted);
  }

  /** Removes a draft that will not be submitted (a mistake, an abandoned import), with its files. */
  async deleteDraft(principal: Principal, ref: VersionRef): Promise<void> {
    const { version } = await this.findDraft(principal, ref);
    const digests = await this.transactions.run(async (tx) => {
      if ((await this.versions.lockStatus(tx, version.id)) !== 'draft') throw versionFrozen(ref);
      if (await this.versions.importInProgress(version.id, tx)) throw importInProgress(ref.version);
      const used = await this.versions.deleteDraft(tx, version.id);
      await this.audit.record(tx, {
        actor: principal.actor,
        action: 'version.deleted',
        subjectType: 'model_version',
        subjectId: subjectOf(ref),
        data: { versionId: version.id, files: used.length },
      });
      return used;
    });
    for (const sha256 of digests) await this.blobs.collect(sha256);
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
    const actors = await this.actors.describe(rows.flatMap(actorsOf));
    return pageFrom(rows, page.limit, (row) => toVersionView(row, actors), encodeTimeCursor);
  }

  async get(principal: Principal, ref: VersionRef): Promise<VersionView & { card: unknown }> {
    const { version } = await this.findVisible(principal, ref);
    return { ...(await this.view(version)), card: version.card };
  }

  async create(principal: Principal, namespace: string, name: string, input: CreateVersionBody): Promise<VersionView> {
    const model = await this.models.getRow(principal, namespace, name);
    if (model.status === 'archived') {
      throw DomainError.conflict('model_archived', `Model ${namespace}/${name} is archived; unarchive it to add versions`);
    }
    try {
      const version = await this.transactions.run(async (tx) => {
        await assertKnownLicense(this.licenses, tx, input.license);
        const created = await this.versions.create(tx, {
          modelId: model.id,
          label: input.version,
          licenseId: input.license ?? null,
          createdBy: principal.actor,
        });
        await this.versions.addContributor(tx, created.id, principal.actor, 'created');
        await this.audit.record(tx, {
          actor: principal.actor,
          action: 'version.created',
          subjectType: 'model_version',
          subjectId: `${namespace}/${name}@${input.version}`,
          data: { versionId: created.id },
        });
        return created;
      });
      return await this.view(version);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw DomainError.conflict('version_exists', `Version ${input.version} of ${namespace}/${name} already exists`);
      }
      throw error;
    }
  }

  async view(version: ModelVersion): Promise<VersionView> {
    return toVersionView(version, await this.actors.describe(actorsOf(version)));
  }
}

const actorsOf = (version: ModelVersion): string[] => [version.createdBy, ...(version.statusChangedBy ? [version.statusChangedBy] : [])];

const versionNotFound = (ref: VersionRef): DomainError =>
  DomainError.notFound('version_not_found', `No version ${ref.version} of ${ref.namespace}/${ref.name}`);

const notDraft = (ref: VersionRef, status: string): DomainError =>
  DomainError.conflict('version_not_draft', `Version ${ref.version} is ${status}; only drafts can be submitted`);

export const versionFrozen = (ref: VersionRef): DomainError =>
  DomainError.conflict(
    'version_frozen',
    `Version ${ref.version} of ${ref.namespace}/${ref.name} was submitted; its files can no longer change`,
  );

export const importInProgress = (label: string): DomainError =>
  DomainError.conflict('import_in_progress', `Version ${label} is being filled by an import; wait for it to finish or cancel it`);

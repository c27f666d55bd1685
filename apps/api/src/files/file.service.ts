import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ModelFile, ModelVersion } from '@vetted/db';
import { checkFilePath, DomainError, fileFormat } from '@vetted/domain';
import {
  type BlobStore,
  BlobStoreFullError,
  BlobStoreUnavailableError,
  BlobTooLargeError,
  ChecksumMismatchError,
  IncompleteBodyError,
  type WrittenBlob,
} from '@vetted/storage';
import { AuditRepository } from '../audit/audit.repository.js';
import { detachedFromRequest } from '../http/abandoned-requests.js';
import type { Principal } from '../auth/principal.js';
import { BLOB_STORE } from '../infra/blob-store.provider.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { Transactions } from '../infra/transactions.js';
import { seesUnapproved } from '../models/model.service.js';
import { subjectOf, type VersionRef } from '../models/version-ref.js';
import { VersionService, versionFrozen } from '../models/version.service.js';
import type { ModelRow } from '../models/model.repository.js';
import { DOWNLOADABLE_STATUSES } from '@vetted/lifecycle';
import { VersionRepository } from '../models/version.repository.js';
import { BlobCollector } from './blob-collector.js';
import { FileRepository } from './file.repository.js';
import { toFileView } from './file.mapper.js';
import type { FileView } from './file.schemas.js';

export interface UploadMeta {
  contentLength: number | undefined;
  checksum: string | undefined;
}

export interface Download {
  file: ModelFile;
  storageKey: string;
  subject: string;
}

@Injectable()
export class FileService {
  private readonly logger = new Logger(FileService.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(BLOB_STORE) readonly store: BlobStore,
    private readonly transactions: Transactions,
    private readonly versions: VersionRepository,
    private readonly versionService: VersionService,
    private readonly files: FileRepository,
    private readonly audit: AuditRepository,
    private readonly blobs: BlobCollector,
  ) {}

  async list(principal: Principal, ref: VersionRef): Promise<FileView[]> {
    const { version } = await this.readableVersion(principal, ref);
    return (await this.files.list(version.id)).map(toFileView);
  }

  /**
   * Streams the body into the store while hashing it, then records the file in one transaction
   * (the version must still be a draft). Content already stored under the same digest is kept once.
   */
  async upload(
    principal: Principal,
    ref: VersionRef,
    rawPath: string,
    body: Readable,
    meta: UploadMeta,
  ): Promise<{ file: FileView; created: boolean }> {
    const path = validPath(rawPath);
    if (meta.checksum !== undefined && !/^[0-9a-f]{64}$/.test(meta.checksum)) {
      throw DomainError.invalid([{ field: 'X-Checksum-Sha256', message: 'must be 64 lowercase hex characters' }]);
    }
    if (meta.contentLength !== undefined && meta.contentLength > this.config.maxFileBytes) throw this.tooLarge();
    const { version } = await this.versionService.findDraft(principal, ref);
    const clash = await this.files.caseCollision(version.id, path);
    if (clash) throw pathCollision(path, clash);

    const written = await this.writeBody(body, meta);
    let outcome: { file: ModelFile; replaced: string | undefined; keyInUse: string; created: boolean };
    try {
      outcome = await this.transactions.run(async (tx) => {
        if ((await this.versions.lockStatusShared(tx, version.id)) !== 'draft') throw versionFrozen(ref);
        await this.files.lockPath(tx, version.id, path);
        const collision = await this.files.caseCollision(version.id, path, tx);
        if (collision) throw pathCollision(path, collision);
        const keyInUse = await this.files.recordBlob(tx, { sha256: written.sha256, size: BigInt(written.size), storageKey: written.key });
        const put = await this.files.putFile(tx, {
          versionId: version.id,
          path,
          size: BigInt(written.size),
          sha256: written.sha256,
          format: fileFormat(path),
        });
        await this.versions.addContributor(tx, version.id, principal.actor, 'uploaded');
        await this.audit.record(tx, {
          actor: principal.actor,
          action: 'file.uploaded',
          subjectType: 'model_file',
          subjectId: `${subjectOf(ref)}/${path}`,
          data: { sha256: written.sha256, size: written.size },
        });
        return { ...put, keyInUse };
      });
    } catch (error) {
      await this.blobs.discard(written.key);
      throw error;
    }
    if (outcome.keyInUse !== written.key) await this.blobs.discard(written.key); // the same content was already stored
    if (outcome.replaced) await this.blobs.collect(outcome.replaced);
    return { file: toFileView(outcome.file), created: outcome.created };
  }

  async delete(principal: Principal, ref: VersionRef, rawPath: string): Promise<void> {
    const path = validPath(rawPath);
    const { version } = await this.versionService.findDraft(principal, ref);
    const sha256 = await this.transactions.run(async (tx) => {
      if ((await this.versions.lockStatusShared(tx, version.id)) !== 'draft') throw versionFrozen(ref);
      await this.files.lockPath(tx, version.id, path);
      const deleted = await this.files.deleteFile(tx, version.id, path);
      if (!deleted) throw DomainError.notFound('file_not_found', `No file ${path} in ${subjectOf(ref)}`);
      await this.versions.addContributor(tx, version.id, principal.actor, 'deleted');
      await this.audit.record(tx, {
        actor: principal.actor,
        action: 'file.deleted',
        subjectType: 'model_file',
        subjectId: `${subjectOf(ref)}/${path}`,
      });
      return deleted;
    });
    await this.blobs.collect(sha256);
  }

  /** Who may download what: publishers and above any version; viewers approved (or deprecated) ones only. */
  async prepareDownload(principal: Principal, ref: VersionRef, rawPath: string): Promise<Download> {
    const path = validPath(rawPath);
    const { version } = await this.readableVersion(principal, ref);
    const file = await this.files.find(version.id, path);
    if (!file) throw DomainError.notFound('file_not_found', `No file ${path} in ${subjectOf(ref)}`);
    const storageKey = await this.files.storageKey(file.sha256);
    if (!storageKey) throw new Error(`File ${file.id} has no blob row for ${file.sha256}`);
    return { file, storageKey, subject: `${subjectOf(ref)}/${path}` };
  }

  /** Recorded after the response, never in its way, whether or not the client stayed; a failure to record is logged, not sent. */
  recordDownload(principal: Principal, download: Download, data: Record<string, string | number | boolean | null>): void {
    detachedFromRequest(() =>
      this.audit.append({
        actor: principal.actor,
        action: 'file.downloaded',
        subjectType: 'model_file',
        subjectId: download.subject,
        data: { sha256: download.file.sha256, ...data },
      }),
    ).catch((error: unknown) => this.logger.error(`could not record a download of ${download.subject}: ${String(error)}`));
  }

  private async readableVersion(principal: Principal, ref: VersionRef): Promise<{ model: ModelRow; version: ModelVersion }> {
    const found = await this.versionService.findRow(principal, ref);
    if (!seesUnapproved(principal) && found.version.status === 'revoked') {
      throw new DomainError(
        'forbidden',
        'version_revoked',
        `Version ${ref.version} of ${ref.namespace}/${ref.name} was revoked${found.version.statusReason ? `: ${found.version.statusReason}` : ''}`,
      );
    }
    if (!seesUnapproved(principal) && !DOWNLOADABLE_STATUSES.includes(found.version.status)) {
      throw new DomainError(
        'forbidden',
        'version_not_approved',
        `Version ${ref.version} of ${ref.namespace}/${ref.name} is ${found.version.status}: only approved versions can be downloaded with the viewer role`,
      );
    }
    return found;
  }

  private async writeBody(body: Readable, meta: UploadMeta): Promise<WrittenBlob> {
    try {
      return await this.store.write(body, {
        maxBytes: this.config.maxFileBytes,
        expectedSha256: meta.checksum,
        expectedBytes: meta.contentLength,
      });
    } catch (error) {
      if (error instanceof BlobTooLargeError) throw this.tooLarge();
      if (error instanceof ChecksumMismatchError) {
        throw DomainError.invalid([{ field: 'X-Checksum-Sha256', message: error.message }], 'checksum_mismatch');
      }
      if (error instanceof IncompleteBodyError) throw DomainError.invalid([{ field: 'body', message: error.message }], 'incomplete_body');
      if (error instanceof BlobStoreUnavailableError)
        throw new DomainError('unavailable', 'storage_unavailable', 'Weight storage is unavailable; try again later');
      if (error instanceof BlobStoreFullError) {
        this.logger.error(`upload refused, weight storage is full: ${error.message}`);
        throw new DomainError('insufficient_storage', 'insufficient_storage', 'Weight storage is full; an operator must free space');
      }
      throw DomainError.invalid([{ field: 'body', message: 'the upload was interrupted' }], 'upload_interrupted');
    }
  }

  private tooLarge(): DomainError {
    return new DomainError('too_large', 'file_too_large', `Files may be at most ${this.config.maxFileBytes} bytes`);
  }
}

function validPath(raw: string): string {
  const check = checkFilePath(raw);
  if (!check.ok) throw DomainError.invalid([{ field: 'path', message: check.problem }], 'invalid_path');
  return check.path;
}

const pathCollision = (path: string, existing: string): DomainError =>
  DomainError.invalid([{ field: 'path', message: `differs from the existing "${existing}" only by case` }], 'path_collision');

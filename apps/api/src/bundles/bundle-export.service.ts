import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BundleExport } from '@vetted/db';
import { type ExportedVersion, writeBundle } from '@vetted/bundles';
import { DomainError } from '@vetted/domain';
import type { SigningKey } from '@vetted/signing';
import type { BlobStore } from '@vetted/storage';
import type { Principal } from '../auth/principal.js';
import { BLOB_STORE } from '../infra/blob-store.provider.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { SIGNING_KEY } from '../signing/signing-key.provider.js';
import { BundleRepository } from './bundle.repository.js';
import type { CreateExportBody, ExportView } from './bundle.schemas.js';
import { toVersionRecord } from './version-record.mapper.js';

/** Writes bundles of approved versions into `<dataDir>/exports/<id>.tar`, in the background. */
@Injectable()
export class BundleExportService {
  private readonly logger = new Logger(BundleExportService.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    private readonly bundles: BundleRepository,
  ) {}

  async start(principal: Principal, input: CreateExportBody): Promise<ExportView> {
    const versions = await Promise.all(input.models.map((address) => this.approved(address)));
    const row = await this.bundles.createExport({
      versions: versions.map((version) => `${version.model}@${version.version}`),
      createdBy: principal.actor,
    });
    void this.write(row.id, versions);
    return toExportView(row);
  }

  async find(id: string): Promise<ExportView> {
    return toExportView(await this.finished(id, false));
  }

  /** The written tar's path and size; only for a succeeded export. */
  async file(id: string): Promise<{ path: string; size: number }> {
    const row = await this.finished(id, true);
    return { path: this.tarPath(row.id), size: Number(row.size) };
  }

  private async finished(id: string, mustHaveSucceeded: boolean): Promise<BundleExport> {
    const row = await this.bundles.findExport(id);
    if (!row) throw DomainError.notFound('export_not_found', `No export ${id}`);
    if (mustHaveSucceeded && row.status !== 'succeeded')
      throw DomainError.conflict('export_not_ready', `Export ${id} is ${row.status}${row.error ? `: ${row.error}` : ''}`);
    return row;
  }

  private async approved(address: string): Promise<ExportedVersion> {
    const [model, label] = address.split('@') as [string, string | undefined];
    const [namespace, name] = model.split('/') as [string, string];
    const row = await this.bundles.approvedVersion(namespace, name, label);
    const signature = row?.signatures[0];
    if (!row || !signature) throw DomainError.notFound('approved_version_not_found', `${address} has no approved, signed version`);
    const record = toVersionRecord(row);
    return { model, version: row.label, record, signature: signature.bundle, files: record.files };
  }

  private async write(id: string, versions: ExportedVersion[]): Promise<void> {
    const target = this.tarPath(id);
    const partial = `${target}.partial`;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      const bundle = writeBundle(this.key, { versions, openBlob: (sha256) => this.openBlob(sha256) });
      await pipeline(bundle, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
      await this.bundles.finishExport(id, { size: BigInt((await stat(target)).size) });
    } catch (error) {
      await rm(partial, { force: true });
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`Export ${id} failed: ${message}`);
      await this.bundles.finishExport(id, { error: message }).catch(() => undefined);
    }
  }

  private async openBlob(sha256: string) {
    const key = await this.bundles.blobKey(sha256);
    if (!key) throw new Error(`blob ${sha256} is not stored`);
    return this.store.read(key);
  }

  private tarPath(id: string): string {
    return path.join(this.config.dataDir, 'exports', `${id}.tar`);
  }
}

function toExportView(row: BundleExport): ExportView {
  return {
    id: row.id,
    status: row.status as ExportView['status'],
    versions: row.versions,
    size: row.size === null ? null : Number(row.size),
    error: row.error,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

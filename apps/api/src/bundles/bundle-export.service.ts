import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { BundleExport } from '@vetted/db';
import { DomainError } from '@vetted/domain';
import type { SigningKey } from '@vetted/signing';
import { type BlobStore, BlobStoreUnavailableError, type ByteRange } from '@vetted/storage';
import type { Principal } from '../auth/principal.js';
import { BLOB_STORE } from '../infra/blob-store.provider.js';
import { QueueService } from '../infra/queue.service.js';
import { Transactions } from '../infra/transactions.js';
import { SIGNING_KEY } from '../signing/signing-key.provider.js';
import { BundleRepository } from './bundle.repository.js';
import type { CreateExportBody, ExportView } from './bundle.schemas.js';

/**
 * Exports are written by a worker (`bundle.export` job) into the blob store, so any API replica serves
 * the download and a worker that dies mid-way is replaced; the worker's sweep deletes them after the retention.
 */
@Injectable()
export class BundleExportService {
  constructor(
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    private readonly bundles: BundleRepository,
    private readonly transactions: Transactions,
    private readonly queue: QueueService,
  ) {}

  async start(principal: Principal, input: CreateExportBody): Promise<ExportView> {
    const versions = await Promise.all(input.models.map((address) => this.approved(address)));
    const row = await this.transactions.run(async (tx) => {
      const created = await this.bundles.createExport(tx, { versions, createdBy: principal.actor, signer: this.key.publicKey.fingerprint });
      await this.queue.send(tx, 'bundle.export', { exportId: created.id });
      return created;
    });
    return toExportView(row);
  }

  async find(id: string): Promise<ExportView> {
    return toExportView(await this.existing(id));
  }

  /** The written tar's key and size: 410 once expired, 409 while it is being written or when it failed. */
  async tar(id: string): Promise<{ key: string; size: number }> {
    const row = await this.existing(id);
    if (row.status === 'expired') {
      throw new DomainError(
        'gone',
        'export_expired',
        `Export ${id} expired on ${row.expiresAt?.toISOString() ?? 'deletion'}: export again`,
      );
    }
    if (row.status !== 'succeeded' || !row.storageKey || row.size === null) {
      throw DomainError.conflict('export_not_ready', `Export ${id} is ${row.status}${row.error ? `: ${row.error}` : ''}`);
    }
    return { key: row.storageKey, size: Number(row.size) };
  }

  async open(key: string, range: ByteRange | undefined): Promise<Readable> {
    try {
      return await this.store.read(key, range);
    } catch (error) {
      if (error instanceof BlobStoreUnavailableError) {
        throw new DomainError('unavailable', 'storage_unavailable', 'Bundle storage is unavailable; try again later');
      }
      throw error;
    }
  }

  /** Deletes the export and its tar at once; a worker still writing it deletes what it wrote when it finds the row gone. */
  async remove(id: string): Promise<void> {
    const row = await this.bundles.deleteExport(id);
    if (!row) throw DomainError.notFound('export_not_found', `No export ${id}`);
    if (row.storageKey) await this.store.delete(row.storageKey);
  }

  private async existing(id: string): Promise<BundleExport> {
    const row = await this.bundles.findExport(id);
    if (!row) throw DomainError.notFound('export_not_found', `No export ${id}`);
    return row;
  }

  /** `namespace/name@version` of the approved, signed version the address names (no version: the latest approved). */
  private async approved(address: string): Promise<string> {
    const [model, label] = address.split('@') as [string, string | undefined];
    const [namespace, name] = model.split('/') as [string, string];
    const version = await this.bundles.approvedSignedLabel(namespace, name, label);
    if (!version) throw DomainError.notFound('approved_version_not_found', `${address} has no approved, signed version`);
    return `${model}@${version}`;
  }
}

function toExportView(row: BundleExport): ExportView {
  return {
    id: row.id,
    status: row.status as ExportView['status'],
    versions: row.versions,
    size: row.size === null ? null : Number(row.size),
    error: row.error,
    attempts: row.attempts,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { type ExportedVersion, writeBundle } from '@vetted/bundles';
import type { Config } from '@vetted/config';
import type { BundleExport } from '@vetted/db';
import { loadSigningKey, type SigningKey } from '@vetted/signing';
import type { BlobStore, StoredArtifact } from '@vetted/storage';
import { BLOB_STORE, CONFIG } from '../tokens.js';
import { DEFAULT_LIVENESS, LIVENESS, type Liveness } from '../infra/liveness.js';
import { ExportRepository } from './export.repository.js';
import { toVersionRecord } from './version-record.mapper.js';

const HOUR_MS = 3600 * 1000;

/** Why an export cannot be written, which no retry would change. */
class ExportRefused extends Error {}

/**
 * Writes an export's bundle as one streamed tar into the blob store (an artifact per attempt, so an
 * attempt taken over by another worker never overwrites the tar the export ends with). While it runs, a
 * heartbeat on the row tells ExportSweeper that its worker is alive.
 */
@Injectable()
export class BundleExporter {
  private readonly logger = new Logger(BundleExporter.name);
  private key: Promise<SigningKey> | undefined;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    private readonly exports: ExportRepository,
    @Optional() @Inject(LIVENESS) private readonly timing: Liveness = DEFAULT_LIVENESS,
  ) {}

  /**
   * Does nothing when the export is finished, deleted or held by a live worker. A failure that a retry may
   * mend puts it back to queued and throws, for the queue to retry; on the last attempt it fails, with the reason.
   */
  async run(exportId: string, lastAttempt: boolean): Promise<void> {
    const claimed = await this.exports.claim(exportId, new Date(Date.now() - this.timing.staleAfterMs));
    if (!claimed) return;
    const { row, attempt } = claimed;
    const heartbeat = setInterval(
      () =>
        void this.exports
          .beat(exportId, attempt)
          .catch((error: unknown) => this.logger.warn(`heartbeat of export ${exportId}: ${messageOf(error)}`)),
      this.timing.heartbeatMs,
    );
    try {
      const tar = await this.write(row, attempt);
      const keepForMs = this.config.exportRetentionHours * HOUR_MS;
      const kept = await this.exports.finish(exportId, attempt, { storageKey: tar.key, size: tar.size, keepForMs });
      // Deleted meanwhile, or taken over by another worker that writes its own tar: this one is nobody's.
      if (!kept) await this.store.delete(tar.key);
    } catch (error) {
      const retry = !(error instanceof ExportRefused) && !lastAttempt;
      await this.exports.finish(exportId, attempt, retry ? { requeued: true } : { error: messageOf(error) });
      if (retry) throw error;
      this.logger.error(`export ${exportId} failed: ${messageOf(error)}`);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async write(row: BundleExport, attempt: number): Promise<StoredArtifact> {
    const key = await (this.key ??= loadSigningKey({ pem: this.config.signingKeyPem, dataDir: this.config.dataDir }));
    if (row.signer && row.signer !== key.publicKey.fingerprint) {
      throw new ExportRefused(
        `this worker signs with key ${key.publicKey.fingerprint}, not the site's ${row.signer}: give the API and every worker the same VETTED_SIGNING_KEY`,
      );
    }
    const versions = await Promise.all(row.versions.map((address) => this.version(address)));
    const bundle = writeBundle(key, { versions, openBlob: (sha256) => this.openBlob(sha256) });
    return this.store.putArtifact(`export-${row.id}-${attempt}.tar`, bundle);
  }

  /** The version as approved now: one revoked since the export was asked for is not carried. */
  private async version(address: string): Promise<ExportedVersion> {
    const [model, label] = address.split('@') as [string, string];
    const [namespace, name] = model.split('/') as [string, string];
    const row = await this.exports.approvedVersion(namespace, name, label);
    const signature = row?.signatures[0];
    if (!row || !signature) throw new ExportRefused(`${address} is no longer approved and signed`);
    const record = toVersionRecord(row);
    return { model, version: row.label, record, signature: signature.bundle, files: record.files };
  }

  private async openBlob(sha256: string): Promise<Readable> {
    const key = await this.exports.blobKey(sha256);
    if (!key) throw new ExportRefused(`blob ${sha256} is not stored`);
    return this.store.read(key);
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

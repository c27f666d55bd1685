import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Config } from '@vetted/config';
import { scanVersion, type VersionScan } from '@vetted/formats';
import { JobQueue } from '@vetted/queue';
import type { BlobStore } from '@vetted/storage';
import { Transactions } from '../infra/transactions.js';
import { BLOB_STORE, CONFIG } from '../tokens.js';
import { blobByteSource } from './blob-byte-source.js';
import { withCarriedSignature } from './carried-signature.js';
import { ScanHeartbeat } from './scan-heartbeat.js';
import { type RecordOutcome, ScanRecorder } from './scan-recorder.js';
import { ScanRepository, type ScanTarget } from './scan.repository.js';
import { DEFAULT_LIVENESS, LIVENESS, type Liveness } from '../infra/liveness.js';
import { SCANNABLE } from './scannable.js';
import { readVersionCard } from './version-card.js';

/**
 * Inspects every file of a version from its stored bytes (headers only, never loading or unpickling
 * anything), reads its model card, and has ScanRecorder write the results. Approval waits for this.
 * While it runs, a heartbeat on the version row tells ScanRecovery that its worker is alive.
 */
@Injectable()
export class VersionScanner {
  private readonly logger = new Logger(VersionScanner.name);
  private readonly recorder: ScanRecorder;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    private readonly scans: ScanRepository,
    transactions: Transactions,
    queue: JobQueue,
    @Optional() @Inject(LIVENESS) private readonly timing: Liveness = DEFAULT_LIVENESS,
  ) {
    this.recorder = new ScanRecorder(config, scans, transactions, queue);
  }

  /**
   * The scan written, or undefined when there was nothing to scan, a newer scan was requested meanwhile,
   * or the database refused the results (the scan then ends `error`). Storage and connection errors are
   * thrown, for the queue to retry.
   */
  async scan(versionId: string): Promise<VersionScan | undefined> {
    const version = await this.scans.target(versionId);
    if (!version || !SCANNABLE.includes(version.status)) return undefined;

    const heartbeat = await ScanHeartbeat.start(this.scans, versionId, this.timing.heartbeatMs, this.logger);
    let outcome: { result: VersionScan; recorded: RecordOutcome };
    try {
      outcome = await this.inspectAndRecord(version);
    } catch (error) {
      await heartbeat.release();
      throw error;
    }
    if (outcome.recorded === 'superseded') await heartbeat.release();
    else await heartbeat.stop();
    if (outcome.recorded === 'not_recorded')
      this.logger.error(`the scan of ${versionId} could not be recorded; its files are marked error`);
    return outcome.recorded === 'recorded' ? outcome.result : undefined;
  }

  private async inspectAndRecord(version: ScanTarget): Promise<{ result: VersionScan; recorded: RecordOutcome }> {
    const scanned = await scanVersion(
      version.files.map((file) => ({
        path: file.path,
        size: Number(file.size),
        source: blobByteSource(this.store, file.blob.storageKey, Number(file.blob.size)),
      })),
    );
    const result = { ...scanned, files: await withCarriedSignature(this.config, this.store, this.scans, version, scanned.files) };
    const card = await readVersionCard(this.scans, this.store, version);
    return { result, recorded: await this.recorder.record(version, result, card) };
  }
}

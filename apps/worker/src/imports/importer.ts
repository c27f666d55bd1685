import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Config } from '@vetted/config';
import type { ImportJob, ModelVersion } from '@vetted/db';
import { checkFilePath, fileFormat } from '@vetted/domain';
import { configFacts } from '@vetted/formats';
import { cardFields, fileFilter, HubClient, HubError, type HubFile, MODEL_CARD_MAX_BYTES, parseModelCard } from '@vetted/hub';
import {
  changeVersionStatus,
  lockVersionStatus,
  recordAudit,
  recordEvent,
  storedCard,
  storedFacts,
  toStoredJson,
  versionSubjectId,
} from '@vetted/lifecycle';
import { JobQueue, transactionExecutor } from '@vetted/queue';
import { type BlobStore, ChecksumMismatchError } from '@vetted/storage';
import { Transactions } from '../infra/transactions.js';
import { BLOB_STORE, CONFIG } from '../tokens.js';
import { ByteCounter, type FileProgress } from './import-progress.js';
import { ImportRepository } from './import.repository.js';

const DOWNLOAD_ATTEMPTS = 3;
const PROGRESS_INTERVAL_MS = 250;

/** Ends an import with a message for whoever started it. */
class ImportFailure extends Error {}
class ImportCancelled extends Error {}

/**
 * Imports one Hub repository into a version: pins the revision to its commit, streams each file into
 * the blob store while hashing (LFS files checked against the Hub's sha256), skips content already
 * stored, reads the model card and config.json, then hands the version to review. A run that is
 * repeated (worker restart, queue retry) resumes: files already recorded are not fetched again.
 */
@Injectable()
export class Importer {
  private readonly logger = new Logger(Importer.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    private readonly imports: ImportRepository,
    private readonly transactions: Transactions,
    private readonly hub: HubClient,
    private readonly queue: JobQueue,
  ) {}

  async run(importId: string): Promise<void> {
    const job = await this.imports.find(importId);
    if (!job || !['queued', 'running'].includes(job.status)) return;
    // Conditional, so a cancel that lands between the read and this write is not overwritten.
    if (!(await this.imports.markRunning(job.id))) return;
    let versionId = job.versionId ?? undefined;
    try {
      const commitSha = job.commitSha ?? (await this.hub.resolveRevision(job.repo, job.revision));
      const files = await this.filesToImport(job, commitSha);
      const progress: FileProgress[] = files.map((file) => ({ path: file.path, size: file.size, bytesDone: 0, status: 'pending' }));
      await this.imports.recordPlan(job.id, commitSha, BigInt(files.reduce((sum, f) => sum + f.size, 0)), progress);

      const modelId = await this.ensureModel(job);
      const existing = await this.imports.importedBefore(modelId, commitSha);
      if (existing) {
        await this.finish(job, existing.id, `${job.repo}@${commitSha} was imported before as version ${existing.label}`);
        return;
      }
      const version = await this.ensureDraft(job, modelId, commitSha);
      versionId = version.id;

      const tracker = this.tracker(job, progress);
      for (const [index, file] of files.entries()) {
        const started = Date.now();
        await this.importFile(job, commitSha, version, file, progress[index]!, tracker);
        this.logger.log(
          `import ${job.id}: ${file.path} ${progress[index]!.status} (${index + 1}/${files.length}, ${file.size} bytes in ${Date.now() - started} ms)`,
        );
      }
      await tracker.flush(true);
      await this.complete(job, version, commitSha);
    } catch (error) {
      await this.abandon(job, versionId, error);
    }
  }

  private async filesToImport(job: ImportJob, commitSha: string): Promise<HubFile[]> {
    const keep = fileFilter(job.include, job.exclude);
    const files = (await this.hub.listFiles(job.repo, commitSha)).filter((file) => keep(file.path));
    if (files.length === 0)
      throw new ImportFailure(
        `${job.repo}@${commitSha} has no files to import${job.include.length || job.exclude.length ? ' with these include/exclude patterns' : ''}`,
      );
    for (const file of files) {
      const check = checkFilePath(file.path);
      if (!check.ok) throw new ImportFailure(`The Hub lists an unsafe path "${file.path}": ${check.problem}`);
      if (file.size > this.config.maxFileBytes) throw new ImportFailure(`${file.path} is larger than VETTED_MAX_FILE_BYTES`);
    }
    return files;
  }

  /** The model the import fills, created (with its model.created event) when it does not exist yet. */
  private async ensureModel(job: ImportJob): Promise<string> {
    const starter = await this.starterOf(job);
    const model = await this.transactions.run(async (tx) => {
      if (await this.imports.createModelIfAbsent(tx, job)) {
        const id = `${job.namespace}/${job.name}`;
        await recordEvent(tx, {
          type: 'model.created',
          ...starter,
          subjectType: 'model',
          subjectId: id,
          namespace: job.namespace,
          payload: { model: id, source: `huggingface:${job.repo}` },
        });
      }
      return this.imports.findModel(tx, job.namespace, job.name);
    });
    if (model.status === 'archived') throw new ImportFailure(`Model ${job.namespace}/${job.name} is archived`);
    return model.id;
  }

  /**
   * The draft this import fills. The label must be free, already this import's, or the draft of an
   * earlier import of the same repo that ended (cancelled, failed, its worker killed and the job
   * cancelled): that draft is taken over when it holds the same commit, and removed otherwise.
   */
  private async ensureDraft(job: ImportJob, modelId: string, commitSha: string): Promise<ModelVersion> {
    const label = job.label ?? commitSha;
    const existing = await this.imports.findVersion(modelId, label);
    if (existing?.id === job.versionId && existing.status === 'draft') return existing;
    const left = existing ? await this.leftByEndedImport(existing) : undefined;
    if (existing && !left) throw new ImportFailure(`Version ${label} of ${job.namespace}/${job.name} already exists`);
    if (existing && left?.commitSha === commitSha) {
      const adopted = await this.imports.takeOverDraft(existing.id, `import:${job.id}`);
      await this.imports.setVersion(job.id, adopted.id);
      this.logger.log(`import ${job.id}: resumes the draft import ${left.id} left behind`);
      return adopted;
    }
    if (existing) await this.removeDraft(existing.id);
    const version = await this.imports.createDraft(modelId, label, `import:${job.id}`);
    await this.imports.setVersion(job.id, version.id);
    return version;
  }

  /** The ended import whose draft this is, if it is one: nobody else will ever submit it. */
  private async leftByEndedImport(version: ModelVersion): Promise<ImportJob | undefined> {
    const importId = /^import:(.+)$/.exec(version.createdBy)?.[1];
    if (version.status !== 'draft' || !importId) return undefined;
    const earlier = await this.imports.find(importId);
    return earlier && ['cancelled', 'failed'].includes(earlier.status) ? earlier : undefined;
  }

  private async importFile(
    job: ImportJob,
    commitSha: string,
    version: ModelVersion,
    file: HubFile,
    progress: FileProgress,
    tracker: Tracker,
  ): Promise<void> {
    const recorded = await this.imports.findFile(version.id, file.path);
    if (recorded && Number(recorded.size) === file.size && (!file.sha256 || recorded.sha256 === file.sha256)) {
      return tracker.done(progress, 'stored');
    }
    if (file.sha256 && (await this.imports.blobExists(file.sha256))) {
      try {
        await this.record(version.id, file, { sha256: file.sha256, size: file.size, key: undefined });
        return await tracker.done(progress, 'skipped');
      } catch (error) {
        if (error instanceof ImportFailure || error instanceof ImportCancelled) throw error;
        // The blob was deleted between the check and the record: fetch the file after all.
      }
    }
    for (let attempt = 1; ; attempt++) {
      progress.status = 'downloading';
      progress.bytesDone = 0;
      const counter = new ByteCounter();
      const timer = setInterval(() => {
        tracker.update(progress, counter.bytes);
        if (tracker.isCancelled()) counter.destroy(new ImportCancelled()); // stop mid-file, not after it
      }, PROGRESS_INTERVAL_MS);
      try {
        const source = await this.hub.open(job.repo, commitSha, file.path);
        const written = await this.store.write(pipelineOf(source, counter), {
          maxBytes: this.config.maxFileBytes,
          expectedSha256: file.sha256,
          expectedBytes: file.size,
        });
        await this.record(version.id, file, written);
        return tracker.done(progress, 'stored');
      } catch (error) {
        if (error instanceof ImportCancelled || tracker.isCancelled()) throw new ImportCancelled();
        if (error instanceof ImportFailure) throw error;
        if (error instanceof ChecksumMismatchError) {
          progress.status = 'failed';
          throw new ImportFailure(`${file.path}: its sha256 is ${error.actual}, the Hub lists ${error.expected}`);
        }
        if (error instanceof HubError && error.kind !== 'unavailable') throw error;
        if (attempt >= DOWNLOAD_ATTEMPTS) {
          progress.status = 'failed';
          throw new ImportFailure(
            `${file.path}: download failed ${attempt} times (${error instanceof Error ? error.message : String(error)})`,
          );
        }
        this.logger.warn(
          `import ${job.id}: ${file.path} attempt ${attempt} failed, retrying: ${error instanceof Error ? error.message : String(error)}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** (attempt - 1)));
      } finally {
        clearInterval(timer);
      }
    }
  }

  /** Records the file (and its blob) in the draft; an object that duplicates a stored blob is deleted. */
  private async record(
    versionId: string,
    file: HubFile,
    written: { sha256: string; size: number; key: string | undefined },
  ): Promise<void> {
    let recorded: { keyInUse: string | undefined; replaced: string | undefined };
    try {
      recorded = await this.transactions.run(async (tx) => {
        const status = await lockVersionStatus(tx, versionId);
        if (status !== 'draft') throw new ImportFailure(`The version being imported is no longer a draft (${status ?? 'deleted'})`);
        const keyInUse = written.key
          ? await this.imports.recordBlob(tx, { sha256: written.sha256, size: BigInt(written.size), storageKey: written.key })
          : undefined;
        const put = await this.imports.putFile(tx, {
          versionId,
          path: file.path,
          size: BigInt(written.size),
          sha256: written.sha256,
          format: fileFormat(file.path),
        });
        return { keyInUse, replaced: put.replaced };
      });
    } catch (error) {
      if (written.key) await this.discard(written.key);
      throw error;
    }
    if (written.key && recorded.keyInUse !== written.key) await this.discard(written.key);
    if (recorded.replaced) await this.collectBlob(recorded.replaced);
  }

  private async discard(key: string): Promise<void> {
    await this.store.delete(key).catch((error: unknown) => this.logger.warn(`could not delete unused object ${key}: ${String(error)}`));
  }

  private async collectBlob(sha256: string): Promise<void> {
    const key = await this.imports.deleteBlobIfUnused(sha256).catch(() => undefined);
    if (key) await this.discard(key);
  }

  /** Model card, license, config facts; then draft → pending_review and a scan, unless cancelled meanwhile. */
  private async complete(job: ImportJob, version: ModelVersion, commitSha: string): Promise<void> {
    const readme = await this.readSmall(version.id, 'README.md');
    const card = readme === undefined ? undefined : parseModelCard(readme);
    const fields = cardFields(card?.frontMatter ?? {});
    const config = await this.readSmall(version.id, 'config.json');
    const licenseTag = fields.license === 'other' ? (fields.licenseName ?? 'other') : fields.license;
    const licenseId = licenseTag && (await this.imports.licenseExists(licenseTag)) ? licenseTag : 'unknown';
    const facts = {
      ...(config === undefined ? {} : { config: configFacts(config) }),
      license: { tag: fields.license ?? null, name: fields.licenseName ?? null, link: fields.licenseLink ?? null },
      hub: {
        repo: job.repo,
        revision: job.revision,
        commitSha,
        baseModel: fields.baseModel,
        datasets: fields.datasets,
        language: fields.language,
      },
    };
    const starter = await this.starterOf(job);
    await this.transactions.run(async (tx) => {
      if (!(await this.imports.markSucceeded(tx, job.id, version.id))) throw new ImportCancelled();
      const current = await lockVersionStatus(tx, version.id);
      if (current !== 'draft') throw new ImportFailure(`The version being imported is no longer a draft (${current ?? 'deleted'})`);
      const subject = { namespace: job.namespace, name: job.name, version: version.label };
      await changeVersionStatus(tx, {
        versionId: version.id,
        subject,
        to: 'pending_review',
        fields: {
          commitSha,
          licenseId,
          facts: toStoredJson(storedFacts, facts),
          ...(card ? { card: toStoredJson(storedCard, { ...card, source: 'readme' }) } : {}),
        },
        actor: `import:${job.id}`,
        actorName: starter.actorName,
        audit: { action: 'import.succeeded', data: { repo: job.repo, commitSha } },
        event: () => ({
          type: 'import.succeeded',
          ...starter,
          subjectType: 'model_version',
          subjectId: versionSubjectId(subject),
          namespace: job.namespace,
          payload: { importId: job.id, repo: job.repo, commitSha, model: `${job.namespace}/${job.name}`, version: version.label },
        }),
      });
      await this.queue.send('version.scan', { versionId: version.id }, transactionExecutor(tx));
      const model = await this.imports.findModel(tx, job.namespace, job.name);
      await this.imports.fillModel(tx, model.id, {
        task: model.task ?? fields.pipelineTag ?? null,
        library: model.library ?? fields.libraryName ?? null,
        licenseId: model.licenseId ?? licenseId,
        tags: model.tags.length > 0 ? model.tags : fields.tags.slice(0, 100),
      });
    });
  }

  /** The person who started an import: events name them, not the job. */
  private async starterOf(job: ImportJob): Promise<{ actor: string; actorName: string }> {
    return { actor: job.createdBy, actorName: await this.imports.actorName(job.createdBy) };
  }

  private async readSmall(versionId: string, path: string): Promise<string | undefined> {
    const file = await this.imports.findFile(versionId, path);
    if (!file || Number(file.size) > MODEL_CARD_MAX_BYTES) return undefined;
    const storageKey = await this.imports.storageKey(file.sha256);
    const chunks: Buffer[] = [];
    for await (const chunk of await this.store.read(storageKey)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  private async finish(job: ImportJob, versionId: string, note: string): Promise<void> {
    await this.imports.markDuplicate(job.id, versionId);
    this.logger.log(`import ${job.id}: ${note}`);
  }

  /** Failed or cancelled: the draft this import was filling goes, with any blob only it used. */
  private async abandon(job: ImportJob, versionId: string | undefined, error: unknown): Promise<void> {
    const cancelled = error instanceof ImportCancelled || (await this.imports.status(job.id)) === 'cancelled';
    const message =
      error instanceof ImportFailure || error instanceof HubError
        ? error.message
        : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    if (!cancelled) {
      if (await this.imports.markFailed(job.id, message)) {
        const starter = await this.starterOf(job);
        await this.transactions.run(async (tx) => {
          await recordAudit(tx, {
            actor: `import:${job.id}`,
            action: 'import.failed',
            subjectType: 'import',
            subjectId: job.id,
            data: { repo: job.repo, error: message },
          });
          await recordEvent(tx, {
            type: 'import.failed',
            ...starter,
            subjectType: 'import',
            subjectId: job.id,
            namespace: job.namespace,
            payload: { importId: job.id, repo: job.repo, error: message },
          });
        });
      }
      this.logger.warn(`import ${job.id} failed: ${message}`);
    } else {
      this.logger.log(`import ${job.id} cancelled`);
    }
    if (versionId) await this.removeDraft(versionId);
  }

  /** A draft goes with its files, and with any blob only it used; a version that left draft stays. */
  private async removeDraft(versionId: string): Promise<void> {
    const draft = await this.imports.versionWithDigests(versionId);
    if (!draft || draft.status !== 'draft') return;
    await this.imports.deleteDraft(versionId);
    for (const sha256 of draft.digests) await this.collectBlob(sha256);
  }

  /** Writes progress at most every 250 ms, and stops the import once it is cancelled. */
  private tracker(job: ImportJob, progress: FileProgress[]): Tracker {
    let last = 0;
    const done = (): bigint => BigInt(progress.reduce((sum, file) => sum + file.bytesDone, 0));
    const flush = async (force: boolean): Promise<void> => {
      if (!force && Date.now() - last < PROGRESS_INTERVAL_MS) return;
      last = Date.now();
      if (!(await this.imports.recordProgress(job.id, done(), progress))) throw new ImportCancelled();
    };
    let pending: Promise<void> = Promise.resolve();
    let cancelled = false;
    return {
      flush,
      update: (file, bytes) => {
        file.bytesDone = bytes;
        pending = pending
          .then(() => flush(false))
          .catch((error: unknown) => {
            if (error instanceof ImportCancelled) cancelled = true;
          });
      },
      done: async (file, status) => {
        file.bytesDone = file.size;
        file.status = status;
        await pending;
        if (cancelled) throw new ImportCancelled();
        await flush(true);
      },
      isCancelled: () => cancelled,
    };
  }
}

interface Tracker {
  flush(force: boolean): Promise<void>;
  update(file: FileProgress, bytes: number): void;
  done(file: FileProgress, status: FileProgress['status']): Promise<void>;
  isCancelled(): boolean;
}

/** source → counter, as one readable whose errors (a dropped connection) reach the consumer. */
function pipelineOf(source: NodeJS.ReadableStream, counter: ByteCounter): ByteCounter {
  pipeline(source, counter).catch((error: unknown) => counter.destroy(error instanceof Error ? error : new Error(String(error))));
  return counter;
}

import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { BundleRefused, type ReadBundle, readBundle, type VersionRecord } from '@vetted/bundles';
import { checkFilePath, DomainError, repoNameProblem } from '@vetted/domain';
import { changeVersionStatus, type VersionSubject } from '@vetted/lifecycle';
import { publicKeyFromPem, type PublicKeyInfo, type SigningKey } from '@vetted/signing';
import type { BlobStore, WrittenBlob } from '@vetted/storage';
import type { Principal } from '../auth/principal.js';
import { BLOB_STORE } from '../infra/blob-store.provider.js';
import type { Transaction } from '../infra/prisma.service.js';
import { QueueService } from '../infra/queue.service.js';
import { isUniqueViolation } from '../infra/unique-violation.js';
import { Transactions } from '../infra/transactions.js';
import { SignatureRepository } from '../signing/signature.repository.js';
import { SIGNING_KEY } from '../signing/signing-key.provider.js';
import { VersionSigner } from '../signing/version-signer.js';
import { BundleRepository } from './bundle.repository.js';
import type { VersionRef } from '../models/version-ref.js';
import type { ImportResultView, OriginView } from './bundle.schemas.js';
import { originEvidence, scanSummary } from './origin-evidence.js';

type Landed = ImportResultView['versions'][number];

/**
 * Lands a bundle: everything is verified while it streams in (blobs go to the store as they pass), and only
 * then are the versions written, in one transaction. Any refusal or failure deletes the blobs it stored.
 */
@Injectable()
export class BundleImportService {
  constructor(
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    private readonly bundles: BundleRepository,
    private readonly signatures: SignatureRepository,
    private readonly signer: VersionSigner,
    private readonly transactions: Transactions,
    private readonly queue: QueueService,
  ) {}

  async import(principal: Principal, source: Readable, expectedSigner: string | undefined): Promise<ImportResultView> {
    const written: WrittenBlob[] = [];
    try {
      const bundle = await readBundle(source, { trusted: await this.trustedKeys(), expectedSigner }, async (entry, bytes) => {
        written.push(await this.store.write(bytes, { maxBytes: entry.size, expectedBytes: entry.size }));
      });
      const { landed, duplicates } = await this.transactions.run((tx) => this.land(tx, principal, bundle, written), { timeout: 120_000 });
      await Promise.all(duplicates.map((key) => this.store.delete(key)));
      return { signer: bundle.signer.fingerprint, trusted: bundle.trustedSigner, versions: landed };
    } catch (error) {
      await Promise.all(written.map((blob) => this.store.delete(blob.key)));
      if (error instanceof BundleRefused) throw new DomainError('invalid', error.code, error.message);
      if (isUniqueViolation(error)) {
        throw DomainError.conflict(
          'bundle_import_conflict',
          'Another import is landing the same versions right now; import again once it has finished (a repeat changes nothing)',
        );
      }
      throw error;
    }
  }

  /** Where an imported version came from: the source site's key, signature and evidence, beside this site's own scan. */
  async origin(ref: VersionRef): Promise<OriginView> {
    const found = await this.bundles.origin(ref.namespace, ref.name, ref.version);
    if (!found)
      throw DomainError.notFound('origin_not_found', `${ref.namespace}/${ref.name}@${ref.version} was not imported from a bundle`);
    const { version, ...origin } = found;
    return {
      siteFingerprint: origin.siteFingerprint,
      trusted: origin.trusted,
      signature: origin.signature,
      evidence: origin.evidence,
      importedBy: origin.importedBy,
      importedAt: origin.importedAt.toISOString(),
      origin: originEvidence(origin),
      local: scanSummary(version.files),
    };
  }

  /** This site's own key and every trusted key: bundles they sign land approved. */
  private async trustedKeys(): Promise<PublicKeyInfo[]> {
    const keys = await this.signatures.trustedKeys();
    return [this.key.publicKey, ...keys.map((key) => publicKeyFromPem(key.pem))];
  }

  private async land(
    tx: Transaction,
    principal: Principal,
    bundle: ReadBundle,
    written: readonly WrittenBlob[],
  ): Promise<{ landed: Landed[]; duplicates: string[] }> {
    const duplicates: string[] = [];
    for (const blob of written) {
      const inUse = await this.bundles.recordBlob(tx, { sha256: blob.sha256, size: blob.size, storageKey: blob.key });
      if (inUse !== blob.key) duplicates.push(blob.key);
    }
    const landed: Landed[] = [];
    for (const { record, signature } of bundle.versions) landed.push(await this.landVersion(tx, principal, bundle, record, signature));
    return { landed, duplicates };
  }

  private async landVersion(
    tx: Transaction,
    principal: Principal,
    bundle: ReadBundle,
    record: VersionRecord,
    signature: string,
  ): Promise<Landed> {
    const [namespace, name] = record.model.split('/') as [string, string];
    const problem = repoNameProblem(namespace) ?? repoNameProblem(name) ?? record.files.map(pathProblem).find(Boolean);
    if (problem) throw new DomainError('invalid', 'bundle_malformed', `${record.model}@${record.version}: ${problem}`);
    const subject: VersionSubject = { namespace, name, version: record.version };
    const existing = await this.bundles.existingFiles(tx, namespace, name, record.version);
    if (existing) {
      const same = existing.size === record.files.length && record.files.every((file) => existing.get(file.path) === file.sha256);
      if (!same) throw DomainError.conflict('bundle_version_conflict', `${record.model}@${record.version} exists here with other files`);
      return { model: record.model, version: record.version, outcome: 'unchanged', license: null };
    }
    // A license this catalog does not know lands as `unknown` (its terms need review); the carried terms stay as evidence.
    const licenseId = record.license ? ((await this.bundles.knownLicense(tx, record.license.id)) ? record.license.id : 'unknown') : null;
    const versionId = await this.bundles.createDraft(tx, { record, licenseId, createdBy: principal.actor });
    const site = bundle.signer.fingerprint;
    const actor = { actor: principal.actor, actorName: principal.name };
    await changeVersionStatus(tx, {
      ...actor,
      versionId,
      subject,
      to: 'pending_review',
      audit: { action: 'version.imported_from_bundle', data: { site, trusted: bundle.trustedSigner } },
      event: (version) => ({
        type: 'version.submitted',
        ...actor,
        subjectType: 'model_version',
        subjectId: `${record.model}@${record.version}`,
        namespace,
        payload: { model: record.model, version: record.version, commitSha: version.commitSha, files: record.files.length },
      }),
    });
    // This site checks what arrives itself, approved or not: its scan (and the automatic benchmarks after it).
    await this.queue.send(tx, 'version.scan', { versionId });
    await this.bundles.createOrigin(tx, {
      versionId,
      siteFingerprint: site,
      trusted: bundle.trustedSigner,
      signature,
      evidence: record,
      importedBy: principal.actor,
    });
    if (!bundle.trustedSigner) return { model: record.model, version: record.version, outcome: 'pending_review', license: licenseId };
    const reviewer = `site:${site}`;
    const comment = `Approved by ${record.approvedBy ?? 'a reviewer'} at the exporting site (key ${site}) on ${record.approvedAt ?? 'an unrecorded date'}`;
    await this.bundles.createSourceReview(tx, {
      versionId,
      reviewer,
      comment,
      evidence: { source: { site, signature, reviews: record.reviews, license: record.license } },
    });
    const approved = await changeVersionStatus(tx, {
      ...actor,
      versionId,
      subject,
      to: 'approved',
      reason: comment,
      event: (version) => ({
        type: 'version.approved',
        ...actor,
        subjectType: 'model_version',
        subjectId: `${record.model}@${record.version}`,
        namespace,
        payload: { model: record.model, version: record.version, commitSha: version.commitSha, comment },
      }),
    });
    await this.signer.approval(tx, subject, approved.version, { licenseId, reviewer });
    return { model: record.model, version: record.version, outcome: 'approved', license: licenseId };
  }
}

/** A carried path must be one this site would have accepted on upload. */
function pathProblem(file: { path: string }): string | undefined {
  const check = checkFilePath(file.path);
  return check.ok ? (check.path === file.path ? undefined : `${file.path} is not a normalised path`) : `${file.path}: ${check.problem}`;
}

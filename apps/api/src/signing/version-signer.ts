import { Inject, Injectable } from '@nestjs/common';
import type { ModelVersion } from '@vetted/db';
import { type SigningKey, signApproval, signStatusChange } from '@vetted/signing';
import type { Transaction } from '../infra/prisma.service.js';
import type { VersionRef } from '../models/version-ref.js';
import { SignatureRepository } from './signature.repository.js';
import { SIGNING_KEY } from './signing-key.provider.js';

/** Signs inside the caller's transaction: an approval or status change never exists without its signature. */
@Injectable()
export class VersionSigner {
  constructor(
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
    private readonly signatures: SignatureRepository,
  ) {}

  async approval(
    tx: Transaction,
    ref: VersionRef,
    version: ModelVersion,
    decision: { licenseId: string | null; reviewer: string },
  ): Promise<void> {
    const bundle = signApproval(this.key, {
      model: `${ref.namespace}/${ref.name}`,
      version: ref.version,
      commitSha: version.commitSha ?? '',
      licenseId: decision.licenseId,
      reviewer: decision.reviewer,
      approvedAt: (version.statusChangedAt ?? new Date()).toISOString(),
      files: await this.signatures.manifestFiles(tx, version.id),
    });
    await this.store(tx, version, bundle);
  }

  async statusChange(
    tx: Transaction,
    ref: VersionRef,
    version: ModelVersion,
    change: { status: 'deprecated' | 'revoked'; reason: string; actor: string },
  ): Promise<void> {
    const bundle = signStatusChange(this.key, {
      model: `${ref.namespace}/${ref.name}`,
      version: ref.version,
      commitSha: version.commitSha ?? '',
      files: await this.signatures.manifestFiles(tx, version.id),
      ...change,
      changedAt: (version.statusChangedAt ?? new Date()).toISOString(),
    });
    await this.store(tx, version, bundle);
  }

  private store(tx: Transaction, version: ModelVersion, bundle: object): Promise<void> {
    return this.signatures.create(tx, {
      versionId: version.id,
      status: version.status,
      keyFingerprint: this.key.publicKey.fingerprint,
      bundle: JSON.stringify(bundle),
    });
  }
}

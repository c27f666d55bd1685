import { Inject, Injectable } from '@nestjs/common';
import type { TrustedKey } from '@vetted/db';
import { DomainError } from '@vetted/domain';
import { publicKeyFromPem, type SigningKey } from '@vetted/signing';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Principal } from '../auth/principal.js';
import { isUniqueViolation } from '../infra/unique-violation.js';
import { Transactions } from '../infra/transactions.js';
import type { VersionRef } from '../models/version-ref.js';
import { VersionService } from '../models/version.service.js';
import { SignatureRepository } from './signature.repository.js';
import type { CreateTrustedKeyBody, SigningKeyView, TrustedKeyView } from './signing.schemas.js';
import { SIGNING_KEY } from './signing-key.provider.js';

const SIGNED_STATUSES = ['approved', 'deprecated', 'revoked'];

@Injectable()
export class SigningService {
  constructor(
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
    private readonly signatures: SignatureRepository,
    private readonly versions: VersionService,
    private readonly transactions: Transactions,
    private readonly audit: AuditRepository,
  ) {}

  signingKeys(): SigningKeyView[] {
    const { algorithm, pem, fingerprint, hint } = this.key.publicKey;
    return [{ algorithm, publicKeyPem: pem, fingerprint, keyHint: hint }];
  }

  /** The stored Sigstore bundle JSON, exactly as signed. */
  async signature(principal: Principal, ref: VersionRef, kind: 'approval' | 'status'): Promise<string> {
    const { version } = await this.versions.findVisible(principal, ref);
    const signature = SIGNED_STATUSES.includes(version.status) ? await this.signatures.latest(version.id, kind) : null;
    if (!signature)
      throw DomainError.notFound('signature_not_found', `${ref.namespace}/${ref.name}@${ref.version} has no ${kind} signature`);
    return signature.bundle;
  }

  async trustedKeys(): Promise<TrustedKeyView[]> {
    return (await this.signatures.trustedKeys()).map(toTrustedKeyView);
  }

  async trust(principal: Principal, input: CreateTrustedKeyBody): Promise<TrustedKeyView> {
    let fingerprint: string;
    try {
      fingerprint = publicKeyFromPem(input.pem).fingerprint;
    } catch (error) {
      const message = error instanceof Error ? error.message : 'not a public key';
      throw DomainError.invalid(
        [{ field: 'pem', message: `not a supported public key or certificate: ${message}` }],
        'invalid_trusted_key',
      );
    }
    try {
      const key = await this.transactions.run(async (tx) => {
        const created = await this.signatures.createTrustedKey(tx, {
          name: input.name,
          pem: input.pem,
          fingerprint,
          createdBy: principal.actor,
        });
        await this.audit.record(tx, {
          actor: principal.actor,
          action: 'trusted_key.created',
          subjectType: 'trusted_key',
          subjectId: created.id,
          data: { name: input.name, fingerprint },
        });
        return created;
      });
      return toTrustedKeyView(key);
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.conflict('trusted_key_exists', 'A trusted key with this name or fingerprint exists');
      throw error;
    }
  }

  async distrust(principal: Principal, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const removed = await this.signatures.deleteTrustedKey(tx, id);
      if (!removed) throw DomainError.notFound('trusted_key_not_found', `No trusted key ${id}`);
      await this.audit.record(tx, {
        actor: principal.actor,
        action: 'trusted_key.deleted',
        subjectType: 'trusted_key',
        subjectId: id,
        data: { name: removed.name, fingerprint: removed.fingerprint },
      });
    });
  }
}

function toTrustedKeyView(key: TrustedKey): TrustedKeyView {
  return {
    id: key.id,
    name: key.name,
    pem: key.pem,
    fingerprint: key.fingerprint,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
  };
}

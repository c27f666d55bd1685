import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Role } from '@vetted/db';
import { apiKeyPrefix, DomainError, generateApiKey, hasRole, hashApiKey, sameSecret } from '@vetted/domain';
import { personalKeyLabel } from '@vetted/lifecycle';
import { AuditRepository } from '../audit/audit.repository.js';
import { detachedFromRequest } from '../http/abandoned-requests.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { Transactions } from '../infra/transactions.js';
import { ADMIN_TOKEN_ACTOR, ADMIN_TOKEN_NAME } from './actor-directory.js';
import { ApiKeyRepository, type KeyWithOwner } from './api-key.repository.js';
import type { ApiKeyView } from './api-key.schemas.js';
import type { Principal } from './principal.js';
import { PrincipalCache } from './principal-cache.js';

/** last_used_at is informational: refreshing it at most once a minute keeps reads free of writes. */
const TOUCH_INTERVAL_MS = 60_000;
/** How long another replica may keep accepting a key after it was revoked (or its owner's role dropped). */
const PRINCIPAL_CACHE_TTL_MS = 5_000;

export interface NewKey {
  name: string;
  role: Role;
  /** A personal key: it works only while this person's role covers the key's. */
  ownerId?: string;
  expiresAt?: Date;
}

@Injectable()
export class ApiKeyService {
  private readonly logger = new Logger(ApiKeyService.name);
  private readonly cache = new PrincipalCache(PRINCIPAL_CACHE_TTL_MS);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly transactions: Transactions,
    private readonly keys: ApiKeyRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** The principal behind a bearer token, or undefined when the token is not (or no longer) a working key. */
  async authenticate(token: string): Promise<Principal | undefined> {
    try {
      return await this.verify(token);
    } catch (error) {
      if (error instanceof DomainError) return undefined;
      throw error;
    }
  }

  /** The principal behind a bearer token; refuses, saying why, a token that is not a working key. */
  async verify(token: string): Promise<Principal> {
    if (this.config.adminToken && sameSecret(token, this.config.adminToken)) {
      return { actor: ADMIN_TOKEN_ACTOR, name: ADMIN_TOKEN_NAME, role: 'admin' };
    }
    const hash = hashApiKey(token);
    const cached = this.cache.get(hash);
    if (cached) return cached;
    const lookup = this.cache.begin();
    const key = await this.keys.findByHash(hash);
    if (!key || key.revokedAt) throw new DomainError('unauthenticated', 'invalid_api_key', 'The API key is unknown or revoked');
    refuseUnusable(key);
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      // The key's own bookkeeping: it must not be dropped with a read whose client has gone.
      detachedFromRequest(() => this.keys.touch(key.id)).catch((error: unknown) =>
        this.logger.warn(`could not record key use: ${String(error)}`),
      );
    }
    const principal: Principal = key.owner
      ? { actor: `user:${key.owner.id}`, name: personalKeyLabel(key.name, key.owner), role: key.role, keyId: key.id }
      : { actor: `key:${key.id}`, name: key.name, role: key.role, keyId: key.id };
    this.cache.set(hash, principal, lookup, key.expiresAt?.getTime());
    return principal;
  }

  async create(principal: Principal, input: NewKey): Promise<ApiKeyView & { key: string }> {
    const secret = generateApiKey();
    const key = await this.transactions.run(async (tx) => {
      const created = await this.keys.create(tx, {
        ...input,
        hash: hashApiKey(secret),
        prefix: apiKeyPrefix(secret),
        createdBy: principal.actor,
      });
      await this.audit.record(tx, {
        actor: principal.actor,
        action: 'api_key.created',
        subjectType: 'api_key',
        subjectId: created.id,
        data: {
          name: created.name,
          role: created.role,
          ...(created.ownerId ? { owner: created.ownerId, expiresAt: created.expiresAt?.toISOString() } : {}),
        },
      });
      return created;
    });
    return { ...toApiKeyView(key), key: secret };
  }

  async list(): Promise<ApiKeyView[]> {
    return (await this.keys.list()).map(toApiKeyView);
  }

  async listOwnedBy(userId: string): Promise<ApiKeyView[]> {
    return (await this.keys.listOwnedBy(userId)).map(toApiKeyView);
  }

  /** With `ownerId`, only that person's own keys can be revoked (others' are "not found"). */
  async revoke(principal: Principal, id: string, ownerId?: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const key = await this.keys.find(tx, id);
      if (!key || (ownerId !== undefined && key.ownerId !== ownerId)) throw DomainError.notFound('api_key_not_found', `No API key ${id}`);
      if (key.revokedAt) return;
      await this.keys.revoke(tx, id);
      await this.audit.record(tx, { actor: principal.actor, action: 'api_key.revoked', subjectType: 'api_key', subjectId: id });
    });
    // After the commit, so a concurrent request cannot cache the key again from the old row.
    this.cache.evictKey(id);
  }

  /** A person's role changed: their personal keys are checked against the new one from the next request on. */
  forgetCachedKeys(): void {
    this.cache.evictAll();
  }
}

/**
 * A personal key stops working when it expires, and when its owner's role (as of their last sign-in)
 * no longer covers the key's role: the identity provider cannot be asked at every use, the last
 * sign-in is what Vetted knows.
 */
function refuseUnusable(key: KeyWithOwner): void {
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
    throw new DomainError('unauthenticated', 'api_key_expired', `The API key expired at ${key.expiresAt.toISOString()}`);
  }
  if (key.owner && !(key.owner.role && hasRole(key.owner.role, key.role))) {
    const now = key.owner.role ? `the ${key.owner.role} role` : 'no access';
    throw new DomainError(
      'unauthenticated',
      'api_key_owner_lacks_role',
      `The API key has the ${key.role} role, but its owner has ${now} since their last sign-in: the key no longer works`,
    );
  }
}

export function toApiKeyView(key: KeyWithOwner): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    prefix: key.prefix,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    owner: key.owner ? { id: key.owner.id, name: key.owner.name } : null,
  };
}

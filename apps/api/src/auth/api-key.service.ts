import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ApiKey } from '@vetted/db';
import { apiKeyPrefix, DomainError, generateApiKey, hashApiKey, sameSecret } from '@vetted/domain';
import { AuditRepository } from '../audit/audit.repository.js';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { Transactions } from '../infra/transactions.js';
import { ADMIN_TOKEN_ACTOR, ADMIN_TOKEN_NAME } from './actor-directory.js';
import { ApiKeyRepository } from './api-key.repository.js';
import type { ApiKeyView, CreateApiKeyBody } from './api-key.schemas.js';
import type { Principal } from './principal.js';
import { PrincipalCache } from './principal-cache.js';

/** last_used_at is informational: refreshing it at most once a minute keeps reads free of writes. */
const TOUCH_INTERVAL_MS = 60_000;
/** How long another replica may keep accepting a key after it was revoked. */
const PRINCIPAL_CACHE_TTL_MS = 5_000;

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

  /** The principal behind a bearer token, or undefined when the token is unknown or revoked. */
  async authenticate(token: string): Promise<Principal | undefined> {
    if (this.config.adminToken && sameSecret(token, this.config.adminToken)) {
      return { actor: ADMIN_TOKEN_ACTOR, name: ADMIN_TOKEN_NAME, role: 'admin' };
    }
    const hash = hashApiKey(token);
    const cached = this.cache.get(hash);
    if (cached) return cached;
    const lookup = this.cache.begin();
    const key = await this.keys.findByHash(hash);
    if (!key || key.revokedAt) return undefined;
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      this.keys.touch(key.id).catch((error: unknown) => this.logger.warn(`could not record key use: ${String(error)}`));
    }
    const principal: Principal = { actor: `key:${key.id}`, name: key.name, role: key.role };
    this.cache.set(hash, principal, lookup);
    return principal;
  }

  async create(principal: Principal, input: CreateApiKeyBody): Promise<ApiKeyView & { key: string }> {
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
        data: { name: created.name, role: created.role },
      });
      return created;
    });
    return { ...toApiKeyView(key), key: secret };
  }

  async list(): Promise<ApiKeyView[]> {
    return (await this.keys.list()).map(toApiKeyView);
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const key = await this.keys.find(tx, id);
      if (!key) throw DomainError.notFound('api_key_not_found', `No API key ${id}`);
      if (key.revokedAt) return;
      await this.keys.revoke(tx, id);
      await this.audit.record(tx, { actor: principal.actor, action: 'api_key.revoked', subjectType: 'api_key', subjectId: id });
    });
    // After the commit, so a concurrent request cannot cache the key again from the old row.
    this.cache.evictActor(`key:${id}`);
  }
}

export function toApiKeyView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    prefix: key.prefix,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

import { Inject, Injectable } from '@nestjs/common';
import { DomainError, hasRole } from '@vetted/domain';
import { CONFIG, type Config } from '../infra/config.provider.js';
import { ApiKeyService } from './api-key.service.js';
import type { ApiKeyView, CreatePersonalKeyBody } from './api-key.schemas.js';
import type { Principal } from './principal.js';

const DEFAULT_LIFETIME_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Keys a signed-in person makes for themselves (e.g. HF_TOKEN on a laptop): at most their role, always expiring. */
@Injectable()
export class PersonalKeyService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly keys: ApiKeyService,
  ) {}

  async create(principal: Principal, input: CreatePersonalKeyBody): Promise<ApiKeyView & { key: string }> {
    const userId = signedInPerson(principal);
    const role = input.role ?? principal.role;
    if (!hasRole(principal.role, role)) {
      throw new DomainError(
        'forbidden',
        'role_above_your_own',
        `A personal key can have at most your role (${principal.role}), not ${role}`,
      );
    }
    const maxDays = this.config.oidc?.personalKeyMaxDays ?? DEFAULT_LIFETIME_DAYS;
    const days = input.expiresInDays ?? Math.min(DEFAULT_LIFETIME_DAYS, maxDays);
    if (days > maxDays) {
      throw DomainError.invalid([{ field: 'expiresInDays', message: `must be at most ${maxDays} (VETTED_PERSONAL_KEY_MAX_DAYS)` }]);
    }
    return this.keys.create(principal, { name: input.name, role, ownerId: userId, expiresAt: new Date(Date.now() + days * DAY_MS) });
  }

  list(principal: Principal): Promise<ApiKeyView[]> {
    return this.keys.listOwnedBy(signedInPerson(principal));
  }

  revoke(principal: Principal, id: string): Promise<void> {
    return this.keys.revoke(principal, id, signedInPerson(principal));
  }
}

/** Only a person signed in through the identity provider owns keys: a key cannot mint more keys. */
function signedInPerson(principal: Principal): string {
  if (principal.userId) return principal.userId;
  throw new DomainError(
    'forbidden',
    'session_required',
    'Personal keys belong to people signed in through the identity provider; an API key cannot manage them',
  );
}

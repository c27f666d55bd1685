import { Injectable } from '@nestjs/common';
import type { Role } from '@vetted/domain';
import { ApiKeyRepository } from './api-key.repository.js';

/** The actor recorded for requests made with VETTED_ADMIN_TOKEN. */
export const ADMIN_TOKEN_ACTOR = 'admin-token';
export const ADMIN_TOKEN_NAME = 'operator (VETTED_ADMIN_TOKEN)';

export interface ActorInfo {
  name: string;
  /** The key's role; null for the worker and the system. */
  role: Role | null;
}

const BUILT_IN: Record<string, ActorInfo> = {
  [ADMIN_TOKEN_ACTOR]: { name: ADMIN_TOKEN_NAME, role: 'admin' },
  worker: { name: 'worker', role: null },
  system: { name: 'system', role: null },
  auto: { name: 'automatic', role: null },
};

/**
 * Turns the actor ids stored in rows (`key:<uuid>`, `admin-token`, `worker`, `import:<uuid>`) into the
 * names people recognise. Revoked keys keep their names: history must stay readable.
 */
@Injectable()
export class ActorDirectory {
  constructor(private readonly keys: ApiKeyRepository) {}

  async describe(actors: Iterable<string>): Promise<Map<string, ActorInfo>> {
    const unique = [...new Set(actors)];
    const keyIds = unique.flatMap((actor) => keyIdOf(actor) ?? []);
    const keys = new Map((await this.keys.namesOf(keyIds)).map((key) => [key.id, key]));
    return new Map(
      unique.map((actor): [string, ActorInfo] => {
        const keyId = keyIdOf(actor);
        const key = keyId ? keys.get(keyId) : undefined;
        if (key) return [actor, { name: key.name, role: key.role }];
        if (actor.startsWith('import:')) return [actor, { name: `import ${actor.slice('import:'.length)}`, role: null }];
        return [actor, BUILT_IN[actor] ?? { name: actor, role: null }];
      }),
    );
  }

  async describeOne(actor: string): Promise<ActorInfo> {
    return (await this.describe([actor])).get(actor)!;
  }
}

const UUID = /^key:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const keyIdOf = (actor: string): string | undefined => UUID.exec(actor)?.[1];

import type { Prisma, Role } from '@vetted/db';

/** The actor recorded for requests made with VETTED_ADMIN_TOKEN. */
export const ADMIN_TOKEN_ACTOR = 'admin-token';
export const ADMIN_TOKEN_NAME = 'operator (VETTED_ADMIN_TOKEN)';

export interface ActorInfo {
  name: string;
  /** The key's role, or a person's from their last sign-in; null for the worker and the system. */
  role: Role | null;
}

const BUILT_IN: Record<string, ActorInfo> = {
  [ADMIN_TOKEN_ACTOR]: { name: ADMIN_TOKEN_NAME, role: 'admin' },
  worker: { name: 'worker', role: null },
  system: { name: 'system', role: null },
  auto: { name: 'automatic', role: null },
};

const KEY_ACTOR = /^key:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const USER_ACTOR = /^user:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** A person signed in through the identity provider, as people reading history recognise them. */
export function personLabel(person: { name: string; email: string | null }): string {
  return person.email && person.email !== person.name ? `${person.name} (${person.email})` : person.name;
}

/** A personal API key, as events written when it acted name it (they record its owner as the actor). */
export function personalKeyLabel(keyName: string, owner: { name: string; email: string | null }): string {
  return `${keyName} (key of ${personLabel(owner)})`;
}

/**
 * Turns the actor ids stored in rows (`key:<uuid>`, `user:<uuid>`, `admin-token`, `worker`, `import:<uuid>`)
 * into the names people recognise. Revoked keys keep their names: history must stay readable.
 */
export async function describeActors(db: Prisma.TransactionClient, actors: Iterable<string>): Promise<Map<string, ActorInfo>> {
  const unique = [...new Set(actors)];
  const keyIds = unique.flatMap((actor) => KEY_ACTOR.exec(actor)?.[1] ?? []);
  const userIds = unique.flatMap((actor) => USER_ACTOR.exec(actor)?.[1] ?? []);
  const keys =
    keyIds.length === 0 ? [] : await db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true, role: true } });
  const users =
    userIds.length === 0
      ? []
      : await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true, role: true } });
  const byId = new Map(keys.map((key) => [key.id, key]));
  const usersById = new Map(users.map((user) => [user.id, user]));
  return new Map(
    unique.map((actor): [string, ActorInfo] => {
      const key = byId.get(KEY_ACTOR.exec(actor)?.[1] ?? '');
      if (key) return [actor, { name: key.name, role: key.role }];
      const user = usersById.get(USER_ACTOR.exec(actor)?.[1] ?? '');
      if (user) return [actor, { name: personLabel(user), role: user.role }];
      if (actor.startsWith('import:')) return [actor, { name: `import ${actor.slice('import:'.length)}`, role: null }];
      return [actor, BUILT_IN[actor] ?? { name: actor, role: null }];
    }),
  );
}

import type { Prisma, Role } from '@vetted/db';

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

const KEY_ACTOR = /^key:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * Turns the actor ids stored in rows (`key:<uuid>`, `admin-token`, `worker`, `import:<uuid>`) into the
 * names people recognise. Revoked keys keep their names: history must stay readable.
 */
export async function describeActors(db: Prisma.TransactionClient, actors: Iterable<string>): Promise<Map<string, ActorInfo>> {
  const unique = [...new Set(actors)];
  const keyIds = unique.flatMap((actor) => KEY_ACTOR.exec(actor)?.[1] ?? []);
  const keys =
    keyIds.length === 0 ? [] : await db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true, role: true } });
  const byId = new Map(keys.map((key) => [key.id, key]));
  return new Map(
    unique.map((actor): [string, ActorInfo] => {
      const key = byId.get(KEY_ACTOR.exec(actor)?.[1] ?? '');
      if (key) return [actor, { name: key.name, role: key.role }];
      if (actor.startsWith('import:')) return [actor, { name: `import ${actor.slice('import:'.length)}`, role: null }];
      return [actor, BUILT_IN[actor] ?? { name: actor, role: null }];
    }),
  );
}

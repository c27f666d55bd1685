import { ROLES, type Role } from '@vetted/domain';

/**
 * The values of a claim as strings: an array claim's strings, or a single string. A dotted name reaches
 * into objects (Keycloak's `realm_access.roles`) unless the claim exists under the full name (Okta and
 * Entra allow dots in claim names and URL-named claims). Undefined when the claim is absent.
 */
export function claimValues(claims: Record<string, unknown>, name: string): string[] | undefined {
  const value =
    name in claims ? claims[name] : name.split('.').reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), claims);
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return undefined;
}

/** The highest role any of the values maps to; null when none is mapped (no access). */
export function roleFor(values: readonly string[], roleMap: ReadonlyMap<string, Role>): Role | null {
  let best = -1;
  for (const value of values) {
    const role = roleMap.get(value);
    if (role) best = Math.max(best, ROLES.indexOf(role));
  }
  return best < 0 ? null : ROLES[best]!;
}

/** What a person is called in Vetted: their name, else their user name, else their email, else the subject. */
export function identityOf(claims: Record<string, unknown>): { subject: string; name: string; email: string | null } {
  const text = (key: string): string | undefined => {
    const value = claims[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const subject = text('sub') ?? '';
  const email = text('email') ?? null;
  return { subject, name: text('name') ?? text('preferred_username') ?? email ?? subject, email };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

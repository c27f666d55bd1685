export const ROLES = ['viewer', 'publisher', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles are ordered: each one can do everything the ones before it can. */
export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

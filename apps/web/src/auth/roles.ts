import type { Role } from '../api/api-types';

const ORDER: readonly Role[] = ['viewer', 'publisher', 'reviewer', 'admin'];

/** Roles are ordered: a reviewer may do what a publisher may, an admin everything. */
export const hasRole = (role: Role | undefined, least: Role): boolean => role !== undefined && ORDER.indexOf(role) >= ORDER.indexOf(least);

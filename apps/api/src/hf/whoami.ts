import { hasRole } from '@vetted/domain';
import type { Principal } from '../auth/principal.js';

/**
 * `GET /api/whoami-v2` in the Hub's shape: `hf auth login` and older clients read `name`,
 * `auth.accessToken.displayName` and `auth.accessToken.role` (read for viewers, write above).
 */
export function whoami(principal: Principal): Record<string, unknown> {
  return {
    type: 'user',
    id: principal.actor,
    name: principal.name,
    fullname: principal.name,
    isPro: false,
    canPay: false,
    periodEnd: null,
    orgs: [],
    auth: {
      type: 'access_token',
      accessToken: { displayName: principal.name, role: hasRole(principal.role, 'publisher') ? 'write' : 'read' },
    },
  };
}

import type { ReactNode } from 'react';
import type { Role } from '../api/api-types';
import { useAuth } from '../auth/auth-context';
import { hasRole } from '../auth/roles';
import { Empty } from '../components/status-views';

/** Pages for publishers or reviewers say so to others instead of failing with 403s. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { principal } = useAuth();
  if (hasRole(principal?.role, role)) return <>{children}</>;
  return (
    <Empty title={`This page needs the ${role} role`} page>
      <p>You are signed in with the {principal?.role ?? 'no'} role. Ask an admin for more rights.</p>
    </Empty>
  );
}

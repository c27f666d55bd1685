import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useAuth } from '../auth/auth-context';
import { hasRole } from '../auth/roles';
import { LiveIndicator } from '../live/live-indicator';

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const current = href === '/' ? location === '/' || location.startsWith('/models/') : location.startsWith(href);
  return (
    <Link href={href} className="nav-link" aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const { principal, session, signOut } = useAuth();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" />
          Vetted
        </Link>
        {principal && (
          <nav aria-label="Main" className="main-nav">
            <NavLink href="/">Catalog</NavLink>
            {hasRole(principal.role, 'reviewer') && <NavLink href="/reviews">Review queue</NavLink>}
            {hasRole(principal.role, 'publisher') && <NavLink href="/imports">Imports</NavLink>}
            {hasRole(principal.role, 'admin') && <NavLink href="/webhooks">Webhooks</NavLink>}
            {session && <NavLink href="/keys">API keys</NavLink>}
          </nav>
        )}
        {principal && (
          <div className="session">
            <LiveIndicator />
            <span className="session-who" title={principal.actor}>
              <span className="session-name">{principal.name || principal.actor}</span>{' '}
              <span className="badge badge-muted">{principal.role}</span>
            </span>
            <button type="button" className="button-secondary button-small" onClick={() => signOut()}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { ADMIN_ROLE } from '@bluetick/contracts';
import { ConnectionIndicator } from '../realtime/ConnectionIndicator';
import { useCurrentUser, useSession } from '../features/auth/session';

/** Header with the navigation of the user's role, the live indicator and sign-out. */
export function Shell({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const isAdmin = user.role === ADMIN_ROLE;
  return (
    <div className="shell">
      <header className="topbar">
        <NavLink to="/outbox" className="brand">
          <span className="brand-mark" aria-hidden>
            ✓✓
          </span>
          Bluetick
        </NavLink>
        <nav className="nav" aria-label="Main">
          <NavLink to="/outbox" data-testid="nav-outbox">
            Outbox
          </NavLink>
          {isAdmin ? (
            <NavLink to="/admin/users" data-testid="nav-admin-users">
              Admin → Users
            </NavLink>
          ) : (
            <NavLink to="/settings" data-testid="nav-settings">
              Settings
            </NavLink>
          )}
        </nav>
        <div className="topbar-end">
          <ConnectionIndicator />
          <span className="user-chip" data-testid="current-user" data-role={user.role} title={user.email}>
            {user.name} <span className="muted">· {user.role}</span>
          </span>
          <button type="button" className="btn btn-small" onClick={signOut} data-testid="sign-out">
            Sign out
          </button>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}

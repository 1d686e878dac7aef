import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ADMIN_ROLE } from '@bluetick/contracts';
import { SocketProvider } from '../../realtime/SocketProvider';
import { Shell } from '../../app/Shell';
import { ErrorState } from '../../ui/ErrorState';
import { Loading } from '../../ui/Spinner';
import { useCurrentUser, useMe, useSession } from './session';

/** Signed-in area: the profile loaded, one socket, the shell around the page. */
export function RequireAuth() {
  const { token, signOut } = useSession();
  const me = useMe();
  const location = useLocation();

  if (!token) return <Navigate to="/login" replace state={{ from: location }} />;
  if (me.isPending) return <Loading label="Signing you in…" />;
  if (me.isError) {
    return (
      <div className="page-center">
        <ErrorState error={me.error} title="Could not load your profile" onRetry={() => void me.refetch()} />
        <button type="button" className="btn btn-link" onClick={signOut}>
          Sign out
        </button>
      </div>
    );
  }
  return (
    <SocketProvider token={token}>
      <Shell>
        <Outlet />
      </Shell>
    </SocketProvider>
  );
}

/** Admin pages: anyone else goes back to the Outbox before any admin endpoint is called. */
export function RequireAdmin() {
  const user = useCurrentUser();
  return user.role === ADMIN_ROLE ? <Outlet /> : <Navigate to="/outbox" replace />;
}

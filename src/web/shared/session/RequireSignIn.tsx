import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './SessionProvider';

/** Routes below it are for signed-in users: a visitor is sent to sign in, and brought back afterwards. */
export function RequireSignIn() {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return null; // the session is still loading
  if (!session.user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Session } from '../../../shared/schemas/auth';
import { getJson, postJson, setCsrfToken } from '../api/client';

interface SessionState {
  /** null while loading the first time */
  session: Session | null;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const refresh = useCallback(async () => {
    const next = await getJson<Session>('/auth/session').catch(() => ({ user: null, csrfToken: null }));
    setCsrfToken(next.csrfToken);
    setSession(next);
  }, []);
  const signOut = useCallback(async () => {
    await postJson('/auth/sign-out').catch(() => undefined);
    await refresh();
  }, [refresh]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(() => ({ session, refresh, signOut }), [session, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

export const hasRole = (session: Session | null, role: string) => !!session?.user?.roles.some((r) => r.role === role);

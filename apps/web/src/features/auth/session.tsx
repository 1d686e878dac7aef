import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@bluetick/contracts';
import { getMe } from '../../api/auth';
import { setUnauthorizedHandler } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { onTokenChangedElsewhere, readToken, writeToken } from '../../api/token';

interface Session {
  token: string | null;
  signIn: (accessToken: string) => void;
  signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

/** The access token (kept in localStorage) and sign in / out; any 401 signs out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState(readToken);

  const replaceToken = useCallback(
    (next: string | null) => {
      writeToken(next);
      queryClient.clear();
      setToken(next);
    },
    [queryClient],
  );
  const signOut = useCallback(() => replaceToken(null), [replaceToken]);

  useEffect(() => setUnauthorizedHandler(signOut), [signOut]);
  useEffect(
    () =>
      onTokenChangedElsewhere((next) => {
        queryClient.clear();
        setToken(next);
      }),
    [queryClient],
  );

  const session = useMemo(() => ({ token, signIn: replaceToken, signOut }), [token, replaceToken, signOut]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** GET /api/auth/me for the signed-in user. */
export function useMe() {
  const { token } = useSession();
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => getMe(signal),
    enabled: token !== null,
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user; only below RequireAuth, which waits for it. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data;
}

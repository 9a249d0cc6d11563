import { createContext, ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ApiError, del, get, onSignedOut, post, setCsrfToken } from './api';
import type { SessionAnswer, User } from './types';
import { forgetAllUnsentDrafts, forgetOtherUsersUnsentDrafts, keepUnsentDraftsAgain } from './unsentDraft';

interface SessionState {
  user: User | null;
  pendingStep: SessionAnswer['pendingStep'];
  loading: boolean;
  /** The server ended the session (timed out, signed out in another tab), not the user's own logout. */
  expired: boolean;
  login(username: string, password: string, totp?: string): Promise<void>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [answer, setAnswer] = useState<SessionAnswer | null>(null);
  const [loading, setLoading] = useState(true);
  const [expired, setExpired] = useState(false);
  // Set by the user's own logout: the server then drops the session's socket too, and the console's
  // check of the session that follows must not take the logout for a session that expired.
  const signingOut = useRef(false);

  const accept = useCallback((next: SessionAnswer | null) => {
    setCsrfToken(next?.csrfToken);
    // Before anything renders for this user: a copy left by someone else's expired session goes.
    // Here rather than only at login: a tab reloaded after another person signed in elsewhere in
    // the same browser learns of the new user from its session check.
    if (next?.user) forgetOtherUsersUnsentDrafts(next.user.id);
    setAnswer(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await get<SessionAnswer>('/api/session'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) accept(null);
      else throw error;
    } finally {
      setLoading(false);
    }
  }, [accept]);

  useEffect(() => {
    void refresh().catch(() => setLoading(false));
    return onSignedOut(() => {
      accept(null);
      if (!signingOut.current) setExpired(true);
    });
  }, [refresh, accept]);

  const login = useCallback(
    async (username: string, password: string, totp?: string) => {
      accept(await post<SessionAnswer>('/api/session', { username, password, ...(totp ? { totp } : {}) }));
      signingOut.current = false;
      keepUnsentDraftsAgain();
      setExpired(false);
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      // First: the page may show the login form before this request answers (the server drops the
      // session's socket), and the editor may still write a last edit while it is on screen.
      signingOut.current = true;
      forgetAllUnsentDrafts();
      await del('/api/session');
    } finally {
      accept(null);
      setExpired(false);
    }
  }, [accept]);

  return (
    <SessionContext.Provider value={{ user: answer?.user ?? null, pendingStep: answer?.pendingStep ?? null, loading, expired, login, logout, refresh }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

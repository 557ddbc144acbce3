import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { computeAccess, type Access } from "../access";
import * as authApi from "../services/auth";
import { ApiError, setCsrfToken, setUnauthorizedHandler } from "../services/request";
import type { Me } from "../services/types";

interface AuthState {
  /** undefined while the session is being checked, null when logged out. */
  user: Me | null | undefined;
  /** True after the user logged out themselves (not when the session expired). */
  loggedOut: boolean;
  access: Access;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Asks the server who is logged in (keeping its CSRF token); null when nobody is. */
async function loadSession(): Promise<Me | null> {
  try {
    const session = await authApi.fetchMe();
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    setCsrfToken(null);
    if (!(error instanceof ApiError) || error.status !== 401) console.warn(error);
    return null;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null | undefined>(undefined);
  const [loggedOut, setLoggedOut] = useState(false);

  const refresh = useCallback(async () => {
    setUser(await loadSession());
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setUser(null);
    });
    void loadSession().then(setUser);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const session = await authApi.login(username, password);
    setLoggedOut(false);
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    return session.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      setLoggedOut(true);
      setUser(null);
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({ user, loggedOut, access: computeAccess(user?.permissions ?? [], !!user), login, logout, refresh }),
    [user, loggedOut, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error("useAuth outside AuthProvider");
  return state;
}

/** The logged-in user; only for pages under the authenticated layout. */
export function useMe(): Me {
  const { user } = useAuth();
  if (!user) throw new Error("useMe without a session");
  return user;
}

import { useQueryClient } from '@tanstack/react-query';
import type { User } from 'oidc-client-ts';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useLocation } from 'react-router';
import { BOOT_SIGN_IN_ATTEMPT_KEY, SIGNED_OUT_REASON_KEY } from '@/config/session';
import { loadOidc, signedInUser, whenOidcLoaded } from '@/lib/oidc-loader';
import { resumeAttempt, SIGN_IN_FLOW_PATHS } from '../lib/resume-session';
import { AuthContext, type AuthContextValue, type AuthStatus, type SignOutReason } from './auth-context';

/** Don't retry the silent resume within this window: a failing authorize round trip must not loop. */
const BOOT_RETRY_WINDOW_MS = 60_000;

function recentlyTriedBootSignIn(): boolean {
  try {
    const at = Number(window.sessionStorage.getItem(BOOT_SIGN_IN_ATTEMPT_KEY));
    return Number.isFinite(at) && Date.now() - at < BOOT_RETRY_WINDOW_MS;
  } catch {
    return false;
  }
}

function rememberBootSignIn(): void {
  try {
    window.sessionStorage.setItem(BOOT_SIGN_IN_ATTEMPT_KEY, String(Date.now()));
  } catch {
    // Without storage we simply may retry once more on the next load.
  }
}

async function startSignIn(returnTo?: string): Promise<void> {
  await (await loadOidc()).signIn(returnTo);
}

/** Boot ends anonymous unless a sign-in event already decided otherwise (the callback may finish first). */
const settle = (current: AuthStatus): AuthStatus => (current === 'loading' || current === 'resuming' ? 'anonymous' : current);

export function AuthProvider({ children }: { children: ReactNode }): ReactNode {
  const queryClient = useQueryClient();
  const location = useLocation();
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [bootPath] = useState(() => `${location.pathname}${location.search}`);
  // Note: while signing out, the tokens are removed before the browser leaves; guarded pages must not
  // read that as "signed out, go and sign in" (a sign-in redirect would race the sign-out redirect).
  const signingOut = useRef(false);

  useEffect(
    () =>
      whenOidcLoaded(({ userManager }) => {
        const offLoaded = userManager.events.addUserLoaded((loaded) => {
          setUser(loaded);
          setStatus('signedIn');
        });
        const offUnloaded = userManager.events.addUserUnloaded(() => {
          setUser(null);
          setStatus(signingOut.current ? 'signingOut' : 'anonymous');
        });
        return () => {
          offLoaded();
          offUnloaded();
        };
      }),
    [],
  );

  useEffect(() => {
    let cancelled = false;
    async function boot(): Promise<void> {
      const existing = await signedInUser();
      if (cancelled) return;
      if (existing) {
        setUser(existing);
        setStatus('signedIn');
        return;
      }
      const path = bootPath.split('?')[0] ?? '/';
      if (SIGN_IN_FLOW_PATHS.includes(path)) {
        setStatus(settle);
        return;
      }
      // Note: usually already under way since main.tsx (see resume-session.ts).
      const attempt = resumeAttempt();
      const authenticated = await attempt.authenticated;
      if (cancelled) return;
      if (!authenticated) {
        setStatus(settle);
        return;
      }
      setStatus((current) => (current === 'loading' ? 'resuming' : current));
      const resumed = await attempt.user;
      if (cancelled) return;
      if (resumed) {
        setUser(resumed);
        setStatus('signedIn');
        return;
      }
      if (resumed === undefined && !recentlyTriedBootSignIn()) {
        rememberBootSignIn();
        setStatus('redirecting');
        await startSignIn(bootPath).catch(() => setStatus('anonymous'));
        return;
      }
      setStatus(settle);
    }
    void boot();
    return () => {
      cancelled = true;
    };
  }, [bootPath]);

  const signIn = useCallback(async (returnTo?: string): Promise<void> => {
    setStatus('redirecting');
    try {
      await startSignIn(returnTo);
    } catch (error) {
      setStatus('anonymous');
      throw error;
    }
  }, []);

  const signOut = useCallback(
    async (reason: SignOutReason = 'user'): Promise<void> => {
      signingOut.current = true;
      // Note: commit first so guarded pages unmount; clearing the cache under mounted queries would refetch.
      flushSync(() => setStatus('signingOut'));
      queryClient.clear();
      try {
        if (reason === 'idle') window.sessionStorage.setItem(SIGNED_OUT_REASON_KEY, 'idle');
        window.sessionStorage.removeItem(BOOT_SIGN_IN_ATTEMPT_KEY);
      } catch {
        // Storage unavailable: the notice after the redirect is lost, the sign-out is not.
      }
      const { userManager } = await loadOidc();
      try {
        await userManager.signoutRedirect();
      } catch {
        // Note: the server could not be reached; at least forget the tokens and go home.
        await userManager.removeUser();
        window.location.assign('/');
      }
    },
    [queryClient],
  );

  const value = useMemo<AuthContextValue>(() => ({ status, user, signIn, signOut }), [status, user, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

import type { User } from 'oidc-client-ts';
import { loadOidc } from '@/lib/oidc-loader';
import { getSession } from '../api/get-session';

/** Paths where the boot-time resume must not start (they are part of the sign-in flow). */
export const SIGN_IN_FLOW_PATHS = ['/auth/callback', '/login'];

export interface ResumeAttempt {
  /** Whether the server still knows this browser (its session cookie). */
  authenticated: Promise<boolean>;
  /** The resumed user; null when the server says the session is over; undefined when the hidden frame gave no answer. */
  user: Promise<User | null | undefined>;
}

/**
 * Tokens are in memory only, so after a reload we ask whether the server still knows this browser and, if so, get
 * fresh tokens in a hidden frame (lib/oidc.ts, resumeSession) without the user typing or the page leaving.
 */
function attemptResume(): ResumeAttempt {
  const authenticated = getSession().then(
    (session) => session.authenticated,
    () => false,
  );
  const user = authenticated.then(async (signedIn) => {
    if (!signedIn) return null;
    try {
      return await (await loadOidc()).resumeSession();
    } catch {
      // The frame gave no answer (blocked or timed out): the caller falls back to the full-page redirect.
      return undefined;
    }
  });
  return { authenticated, user };
}

let started: ResumeAttempt | null = null;

/** Pages anyone may open: a visitor there is often not signed in, so the OIDC client is not fetched ahead for them. */
const PUBLIC_PATHS = ['/', '/register'];

/**
 * main.tsx starts the resume before anything renders, so its round trips overlap the download of the first page's
 * code and texts instead of following them (a returning patient's home used to wait for all of them in a row).
 */
export function startResumingSession(path: string = window.location.pathname): void {
  if (SIGN_IN_FLOW_PATHS.includes(path)) return;
  started ??= attemptResume();
  // Note: any other page needs the client and its discovery document either way (to resume, or to send a visitor to
  // sign in), so both load alongside the session check instead of after it.
  if (!PUBLIC_PATHS.includes(path)) void loadOidc().then((oidc) => oidc.prefetchMetadata());
}

/** The attempt main.tsx started (shared by a provider that mounts again), else a new one (tests). */
export function resumeAttempt(): ResumeAttempt {
  return started ?? attemptResume();
}

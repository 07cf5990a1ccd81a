import type { User } from 'oidc-client-ts';
import type * as Oidc from './oidc';

export type OidcModule = typeof Oidc;

/**
 * The OIDC client (oidc-client-ts and lib/oidc.ts, about a tenth of the first download) comes on demand: a visitor who
 * is not signed in never needs it, and the landing and sign-in pages must load fast on a phone. It is fetched when a
 * sign-in starts, a server session is resumed, or a page that needs it (the sign-in callback) imports it directly.
 * Note: tokens live in the client's memory only, so until it is loaded nobody is signed in on this page.
 */
let evaluated = false;
let loading: Promise<OidcModule> | null = null;
const waiting = new Set<(oidc: OidcModule) => void>();

export function loadOidc(): Promise<OidcModule> {
  return (loading ??= import('./oidc'));
}

/** Called once by lib/oidc.ts as it is evaluated, however it was loaded. */
export function oidcEvaluated(): void {
  evaluated = true;
  void loadOidc().then((oidc) => {
    for (const run of waiting) run(oidc);
    waiting.clear();
  });
}

/** The signed-in user (unexpired tokens), without downloading the client for nothing. */
export async function signedInUser(): Promise<User | null> {
  return evaluated ? (await loadOidc()).getSignedInUser() : null;
}

/** Subscribes once the client is there (at once if it already is); the returned function undoes either. */
export function whenOidcLoaded(subscribe: (oidc: OidcModule) => () => void): () => void {
  let active = true;
  let unsubscribe: (() => void) | null = null;
  const run = (oidc: OidcModule): void => {
    if (active && !unsubscribe) unsubscribe = subscribe(oidc);
  };
  if (evaluated) void loadOidc().then(run);
  else waiting.add(run);
  return () => {
    active = false;
    waiting.delete(run);
    unsubscribe?.();
  };
}

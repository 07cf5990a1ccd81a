import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

export const OIDC_CLIENT_ID = 'internet-hospital-spa';
export const OIDC_SCOPE = 'openid profile email roles offline_access api';

/** What the SPA carries through the authorization redirect (oidc-client-ts keeps it in sessionStorage). */
export interface SignInState {
  /** An SPA path to return to after sign-in, if the user was sent away from a guarded page. */
  returnTo?: string;
}

function createUserManager(): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    // Note: the API is the authorization server on the same origin (discovery at /.well-known/openid-configuration).
    authority: origin,
    client_id: OIDC_CLIENT_ID,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: OIDC_SCOPE,
    // Note: tokens live in memory only (medical data: nothing readable by other scripts survives the tab);
    // after a reload the server-side session cookie lets us get fresh tokens without typing.
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    // Note: renewal uses the refresh token (offline_access); no iframe, the server sends frame-ancestors 'none'.
    automaticSilentRenew: true,
    monitorSession: false,
  });
}

export const userManager = createUserManager();

/** A same-origin SPA path safe to navigate to (no protocol-relative or absolute URLs). */
export function isSafeLocalPath(path: unknown): path is string {
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\');
}

export async function signIn(returnTo?: string): Promise<void> {
  const state: SignInState = isSafeLocalPath(returnTo) ? { returnTo } : {};
  await userManager.signinRedirect({ state });
}

export async function getSignedInUser(): Promise<User | null> {
  const user = await userManager.getUser();
  return user && !user.expired ? user : null;
}

let refreshing: Promise<User | null> | null = null;

/** Uses the refresh token once; concurrent callers share the same attempt. */
export function refreshTokens(): Promise<User | null> {
  refreshing ??= userManager
    .signinSilent()
    .catch(() => null)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

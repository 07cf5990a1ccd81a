import { ErrorResponse, InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { oidcEvaluated } from './oidc-loader';

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
    // Note: a static page (web/public/auth), the only page the server lets its own origin frame (see resumeSession).
    silent_redirect_uri: `${origin}/auth/silent.html`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: OIDC_SCOPE,
    // Note: tokens live in memory only (medical data: nothing readable by other scripts survives the tab);
    // after a reload the server-side session cookie lets us get fresh tokens without typing.
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    // Note: renewal uses the refresh token (offline_access); the hidden frame is only for resuming after a reload.
    automaticSilentRenew: true,
    monitorSession: false,
  });
}

export const userManager = createUserManager();
// Note: loaded on demand (see oidc-loader.ts), which must learn that it now is, even when a page imported it directly.
oidcEvaluated();

let metadata: Promise<void> | null = null;

/**
 * Fetches the discovery document once (the client keeps it): resuming a session or starting a sign-in needs it first.
 * Note: the client does not share a request in flight, so callers that may overlap wait for this one.
 */
export function prefetchMetadata(): Promise<void> {
  metadata ??= userManager.metadataService.getMetadata().then(
    () => undefined,
    () => void (metadata = null),
  );
  return metadata;
}

/** A same-origin SPA path safe to navigate to (no protocol-relative or absolute URLs). */
export function isSafeLocalPath(path: unknown): path is string {
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\');
}

export async function signIn(returnTo?: string): Promise<void> {
  const state: SignInState = isSafeLocalPath(returnTo) ? { returnTo } : {};
  await prefetchMetadata();
  await userManager.signinRedirect({ state });
}

export async function getSignedInUser(): Promise<User | null> {
  const user = await userManager.getUser();
  return user && !user.expired ? user : null;
}

/** Long enough for a slow mobile network (three round trips), short enough that the fallback still feels like loading. */
const SILENT_TIMEOUT_SECONDS = 10;

/**
 * After a reload (tokens are in memory only): fresh tokens from the server session cookie without leaving the page.
 * A hidden same-origin frame asks /connect/authorize with prompt=none and lands on /auth/silent.html, which hands the
 * code back; the code is redeemed with PKCE as in a full sign-in. This replaced sending the whole page through the
 * authorization server and back, which downloaded and started the app twice on every full load of a signed-in page.
 * Resolves the user; null when the server says nobody is signed in (login_required and the like); rejects when the
 * frame gave no answer (blocked, timed out), so the caller can fall back to the full-page redirect.
 */
export async function resumeSession(): Promise<User | null> {
  try {
    await prefetchMetadata();
    return await userManager.signinSilent({ forceIframeAuth: true, silentRequestTimeoutInSeconds: SILENT_TIMEOUT_SECONDS });
  } catch (error) {
    if (error instanceof ErrorResponse && error.error) return null;
    throw error;
  }
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

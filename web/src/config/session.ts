/**
 * Sign the user out after this long without any interaction (medical data on shared devices). The server's
 * Hospital:IdleTimeout decides (read through lib/server-settings); this is its default until it has answered.
 */
export const DEFAULT_IDLE_TIMEOUT_MS = 30 * 60 * 1000;

/** Warn this long before the idle sign-out, so an active reader can stay signed in. */
export const IDLE_WARNING_MS = 60 * 1000;

/** sessionStorage key telling the landing page why the user was signed out. */
export const SIGNED_OUT_REASON_KEY = 'ih.signedOutReason';

/** sessionStorage key remembering when the boot-time silent sign-in was last tried (prevents loops). */
export const BOOT_SIGN_IN_ATTEMPT_KEY = 'ih.bootSignInAt';

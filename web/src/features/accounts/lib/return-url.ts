/**
 * The authorization server sends an unauthenticated browser to /login?returnUrl=/connect/authorize?...;
 * only that endpoint is an acceptable target after sign-in (open-redirect guard).
 */
export function isAuthorizeReturnUrl(returnUrl: string | null | undefined): returnUrl is string {
  return (
    typeof returnUrl === 'string' &&
    /^\/connect\/authorize(?:[?#/]|$)/.test(returnUrl) &&
    !returnUrl.includes('\\')
  );
}

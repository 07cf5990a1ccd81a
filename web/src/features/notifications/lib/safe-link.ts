/**
 * The SPA path a notification may open, or null. Only same-origin paths ("/appointments/42"): never an
 * absolute or protocol-relative URL ("https://…", "//…", "/\\…"), nor anything with whitespace or control
 * characters (browsers drop tabs and newlines, so "/\t/evil.example" would become "//evil.example").
 */
export function safeNotificationPath(link: string | null | undefined): string | null {
  if (typeof link !== 'string' || !link.startsWith('/') || link.startsWith('//')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\s\\\u0000-\u001f\u007f]/.test(link)) return null;
  try {
    const url = new URL(link, window.location.origin);
    if (url.origin !== window.location.origin) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/**
 * A visit guest's credential (issue 20: interpreter, relative or carer by link, no account). While it is set, the API
 * client and the visit hub send it instead of an account's access token; it lives in this page's memory only, and a
 * reload asks the server again (the link is bound to this device, so the same device gets a new one).
 */
let credential: string | null = null;

export function setGuestCredential(value: string | null): void {
  credential = value;
}

export function guestCredential(): string | null {
  return credential;
}

const DEVICE_KEY = 'ih.guest-device';

/** This browser's device secret for guest links (random, kept on the device; the server stores only its hash). */
export function guestDeviceSecret(): string {
  const stored = window.localStorage.getItem(DEVICE_KEY);
  if (stored && stored.length >= 32) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  window.localStorage.setItem(DEVICE_KEY, secret);
  return secret;
}

// The hidden frame of a silent sign-in (src/lib/oidc.ts, resumeSession) lands here with a code or an error. Hand the
// address to the app that opened the frame, in the message oidc-client-ts waits for; the app checks the state and
// redeems the code itself. Note: a plain file, not part of the bundle, so the frame loads no application code.
if (window.parent !== window) {
  window.parent.postMessage({ source: 'oidc-client', url: window.location.href, keepOpen: false }, window.location.origin);
}

/**
 * What went wrong asking for the camera and microphone, as an i18n key of the visits namespace, so the patient reads
 * what to do ("allow the camera in the browser's site settings") instead of a DOMException name.
 */
export type MediaProblem = 'blocked' | 'notFound' | 'inUse' | 'insecure' | 'unsupported' | 'unknown';

export function mediaProblem(error: unknown): MediaProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return 'blocked';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'notFound';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'inUse';
    case 'SecurityError':
      return 'insecure';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'unknown';
  }
}

/** Whether this browser can do video visits at all (a secure page with camera access and WebRTC). */
export function mediaSupported(): boolean {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- only checks that the method exists
  return typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia) && typeof RTCPeerConnection !== 'undefined';
}

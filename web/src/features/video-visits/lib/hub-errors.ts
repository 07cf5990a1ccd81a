const MARKER = 'HubException: ';

/**
 * The stable code of a refusal from the visit hub. The server throws "code: message"; SignalR's client reports it as
 * "An unexpected error occurred invoking 'X' on the server. HubException: code: message".
 */
export function hubErrorCode(error: unknown): string | null {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const at = message.lastIndexOf(MARKER);
  const text = at >= 0 ? message.slice(at + MARKER.length) : message;
  return /^([a-z][a-z_]*): /.exec(text)?.[1] ?? null;
}

import type { HubConnection } from '@microsoft/signalr';
import { guestCredential } from '@/lib/guest-credential';
import { hubUrlOptions } from '@/lib/hub-url-options';
import { getSignedInUser, refreshTokens } from '@/lib/oidc';

export const VISIT_HUB_PATH = '/hubs/visits';

/** Reconnect at once, then 1, 2, 4 s, then every 5 s for as long as the page is open: a call must come back by itself. */
export function visitRetryDelayMs(retryIndex: number): number {
  return [0, 1_000, 2_000, 4_000][retryIndex] ?? 5_000;
}

async function accessToken(): Promise<string> {
  const guest = guestCredential();
  if (guest) return guest;
  const user = (await getSignedInUser()) ?? (await refreshTokens());
  if (!user?.access_token) throw new Error('Visit hub: not signed in.');
  return user.access_token;
}

/**
 * The visit room's own SignalR connection (the signalling hub), separate from the account's live channel: it lives only
 * while a visit page is open. An object so tests can replace `create`.
 */
export const visitHubTransport = {
  async create(): Promise<HubConnection> {
    const { HubConnectionBuilder, HttpTransportType, LogLevel } = await import('@microsoft/signalr');
    return new HubConnectionBuilder()
      .withUrl(new URL(VISIT_HUB_PATH, window.location.origin).href, hubUrlOptions(accessToken, HttpTransportType.WebSockets))
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => visitRetryDelayMs(context.previousRetryCount) })
      .configureLogging(import.meta.env.DEV ? LogLevel.Information : LogLevel.Warning)
      .build();
  },
};

import type { HttpTransportType, IHttpConnectionOptions } from '@microsoft/signalr';

/**
 * How every hub connection of the SPA reaches the server: straight to a WebSocket, without SignalR's negotiate
 * request. Behind a load balancer without sticky sessions, negotiate and the connection that follows may land on
 * different API instances, and the second would not know the connection id the first handed out (404). Skipping
 * negotiation needs no stickiness; messages between instances travel over the Redis backplane.
 *
 * Note: browsers cannot put headers on WebSockets, so SignalR sends the token as ?access_token=; the server lifts
 * it into the Authorization header on /hubs paths only. Bearer only: no cookies.
 */
export function hubUrlOptions(
  accessTokenFactory: () => Promise<string>,
  webSockets: HttpTransportType,
): IHttpConnectionOptions {
  return { accessTokenFactory, withCredentials: false, skipNegotiation: true, transport: webSockets };
}

import { useEffect, useRef, useSyncExternalStore } from 'react';
import { hubUrlOptions } from './hub-url-options';
import { loadOidc, signedInUser } from './oidc-loader';

/**
 * The signed-in person's live channel: ONE SignalR connection per session, shared by every feature.
 *
 * - The root layout calls `useLiveSession(key)`: it starts after sign-in and stops on sign-out.
 * - A feature reacts to a server event with `useLiveEvent('message', handler)` (validate the payload with zod:
 *   it comes from the network), and catches up after an outage with `useLiveReconnect(() => invalidate…)`.
 * - `useLiveStatus()` tells whether live updates are flowing.
 *
 * Note: @microsoft/signalr is imported dynamically, so it is only downloaded once someone has signed in.
 */

/** The per-account hub (notifications and every other per-account event). */
export const LIVE_HUB_PATH = '/hubs/notifications';

/** connecting: first attempt of this session; reconnecting: lost (or never reached) and retrying. */
export type LiveStatus = 'offline' | 'connecting' | 'connected' | 'reconnecting';

export type LiveEventHandler = (...args: unknown[]) => void;

/** The part of @microsoft/signalr's HubConnection used here (tests substitute a fake). */
export interface LiveHubConnection {
  on(eventName: string, handler: LiveEventHandler): void;
  off(eventName: string): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  onreconnecting(callback: (error?: Error) => void): void;
  onreconnected(callback: (connectionId?: string) => void): void;
  onclose(callback: (error?: Error) => void): void;
}

export interface LiveTransportOptions {
  /** Called by SignalR on every (re)connect: a fresh access token each time. */
  accessTokenFactory: () => Promise<string>;
  /** Delay before the n-th retry (0-based) of SignalR's automatic reconnect. */
  retryDelayMs: (retryIndex: number) => number;
}

/**
 * Builds the real connection. An object so tests can `vi.spyOn(liveTransport, 'create')`.
 */
export const liveTransport = {
  async create(url: string, options: LiveTransportOptions): Promise<LiveHubConnection> {
    const { HubConnectionBuilder, HttpTransportType, LogLevel } = await import('@microsoft/signalr');
    return (
      new HubConnectionBuilder()
        .withUrl(new URL(url, window.location.origin).href, hubUrlOptions(options.accessTokenFactory, HttpTransportType.WebSockets))
        .withAutomaticReconnect({
          nextRetryDelayInMilliseconds: (context) => options.retryDelayMs(context.previousRetryCount),
        })
        .configureLogging(import.meta.env.DEV ? LogLevel.Information : LogLevel.Warning)
        .build()
    );
  },
};

const RETRY_STEPS_MS = [0, 2_000, 5_000, 10_000, 20_000, 30_000];
const MAX_RETRY_MS = 60_000;

/**
 * Backoff for reconnecting: at once, then 2 s, 5 s, 10 s, 20 s, 30 s, then every minute, forever (a phone
 * may be offline for hours). ±20 % jitter so a restarted server is not hit by every client in the same second.
 */
export function retryDelayMs(retryIndex: number, random: () => number = Math.random): number {
  const base = RETRY_STEPS_MS[retryIndex] ?? MAX_RETRY_MS;
  return base === 0 ? 0 : Math.round(base * (0.8 + random() * 0.4));
}

async function accessToken(): Promise<string> {
  const user = (await signedInUser()) ?? (await (await loadOidc()).refreshTokens());
  if (!user?.access_token) throw new Error('Live connection: not signed in.');
  return user.access_token;
}

class LiveConnectionManager {
  private readonly handlers = new Map<string, Set<LiveEventHandler>>();
  private readonly statusListeners = new Set<() => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private status: LiveStatus = 'offline';
  private connection: LiveHubConnection | null = null;
  /** Bumped by start/stop: callbacks of an earlier session see a different number and do nothing. */
  private session = 0;
  private active = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Events were possibly missed (the connection was lost or could not be made): tell listeners once back. */
  private missedEvents = false;

  getStatus = (): LiveStatus => this.status;

  /** Starts the session's connection (idempotent). Failures are retried with backoff until `stop()`. */
  start(): void {
    if (this.active) return;
    this.active = true;
    this.missedEvents = false;
    const session = ++this.session;
    this.setStatus('connecting');
    void this.connect(session, 0);
  }

  /** Stops the connection and any retry (sign-out). Subscriptions stay registered for the next session. */
  async stop(): Promise<void> {
    this.session++;
    this.active = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const connection = this.connection;
    this.connection = null;
    this.setStatus('offline');
    await connection?.stop().catch(() => undefined);
  }

  /** Calls `handler` with the arguments of every `eventName` the server sends; returns the unsubscribe. */
  subscribe(eventName: string, handler: LiveEventHandler): () => void {
    let set = this.handlers.get(eventName);
    if (!set) {
      set = new Set();
      this.handlers.set(eventName, set);
      this.connection?.on(eventName, this.dispatcher(eventName));
    }
    set.add(handler);
    const own = set;
    return () => {
      own.delete(handler);
      if (own.size === 0 && this.handlers.get(eventName) === own) {
        this.handlers.delete(eventName);
        this.connection?.off(eventName);
      }
    };
  }

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  /** Called whenever the connection is back after events may have been missed. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  private dispatcher(eventName: string): LiveEventHandler {
    return (...args) => {
      for (const handler of [...(this.handlers.get(eventName) ?? [])]) {
        try {
          handler(...args);
        } catch (error) {
          // Note: one feature's bug must not keep the event from the others.
          console.error(`Live event "${eventName}" handler failed`, error);
        }
      }
    };
  }

  private async connect(session: number, attempt: number): Promise<void> {
    this.retryTimer = undefined;
    try {
      if (!this.connection) {
        const created = await liveTransport.create(LIVE_HUB_PATH, { accessTokenFactory: accessToken, retryDelayMs });
        if (session !== this.session) return;
        this.connection = created;
        this.wire(created, session);
      }
      await this.connection.start();
      if (session !== this.session) return;
      this.connected(attempt > 0);
    } catch {
      if (session !== this.session) return;
      this.retryLater(session, attempt + 1);
    }
  }

  private retryLater(session: number, attempt: number): void {
    this.missedEvents = true;
    this.setStatus('reconnecting');
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(session, attempt), retryDelayMs(Math.max(attempt, 1)));
  }

  private wire(connection: LiveHubConnection, session: number): void {
    for (const eventName of this.handlers.keys()) connection.on(eventName, this.dispatcher(eventName));
    connection.onreconnecting(() => {
      if (session !== this.session) return;
      this.missedEvents = true;
      this.setStatus('reconnecting');
    });
    connection.onreconnected(() => {
      if (session === this.session) this.connected(true);
    });
    connection.onclose(() => {
      // Note: only when SignalR gave up by itself (e.g. the server closed without allowing a reconnect):
      // our own stop() has already moved to another session. (A failed start() does not call this.)
      // Start over, with a fresh token.
      if (session !== this.session || this.retryTimer !== undefined) return;
      this.retryLater(session, 1);
    });
  }

  private connected(afterFailure: boolean): void {
    this.setStatus('connected');
    if (!afterFailure && !this.missedEvents) return;
    this.missedEvents = false;
    for (const listener of [...this.reconnectListeners]) {
      try {
        listener();
      } catch (error) {
        console.error('Live reconnect listener failed', error);
      }
    }
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of [...this.statusListeners]) listener();
  }
}

/** The one live connection of this tab. */
export const liveConnection = new LiveConnectionManager();

/**
 * Keeps the live connection open while `sessionKey` is set (e.g. the signed-in account id) and closes it
 * when it becomes null (sign-out) or changes. Used once, by the root layout.
 */
export function useLiveSession(sessionKey: string | null): void {
  useEffect(() => {
    if (!sessionKey) return;
    liveConnection.start();
    return () => {
      void liveConnection.stop();
    };
  }, [sessionKey]);
}

/**
 * Runs `handler` for every `eventName` the server pushes to the signed-in account, while the component is
 * mounted. The handler may change between renders (the latest one is called). The first argument is the
 * event's payload as sent: parse it with the feature's zod schema before use.
 */
export function useLiveEvent(eventName: string, handler: (payload: unknown, ...rest: unknown[]) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(
    () => liveConnection.subscribe(eventName, (payload, ...rest) => latest.current(payload, ...rest)),
    [eventName],
  );
}

/** Runs `handler` when the connection is back after an outage (refetch what may have been missed). */
export function useLiveReconnect(handler: () => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => liveConnection.onReconnect(() => latest.current()), []);
}

/** connected / connecting / reconnecting / offline, re-rendering on change. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(liveConnection.subscribeStatus, liveConnection.getStatus, liveConnection.getStatus);
}

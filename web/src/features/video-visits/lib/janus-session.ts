/**
 * One Janus session over Janus's WebSocket transport (subprotocol `janus-protocol`), written from the documented JSON
 * API: requests carry a transaction id and are answered by `success`/`error` (synchronous), or `ack` then an `event`
 * with the same transaction (plugin messages). Events without a transaction are for a handle (`sender`).
 */

export interface JanusPluginResult {
  data: Record<string, unknown>;
  jsep?: RTCSessionDescriptionInit;
}

export interface JanusIncoming {
  janus: string;
  transaction?: string;
  session_id?: number;
  sender?: number;
  data?: { id?: number };
  plugindata?: { plugin: string; data: Record<string, unknown> };
  jsep?: RTCSessionDescriptionInit;
  candidate?: RTCIceCandidateInit & { completed?: boolean };
  error?: { code: number; reason: string };
  [key: string]: unknown;
}

/** A refusal from Janus (core codes such as 403 unauthorized, 458 no such session) or its videoroom plugin (433, 436, ...). */
export class JanusError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(`Janus ${code}: ${reason}`);
  }
}

/** Core: unauthorized (a token Janus does not know); videoroom: unauthorized (not in the room's ACL), no such room. */
export const JANUS_REFUSALS = new Set([403, 433, 426]);
/** Janus's "no such session": a session cannot be claimed back after the socket dropped. */
const NO_SUCH_SESSION = 458;
/** Not a Janus code: the socket closed with the request still unanswered. */
export const SOCKET_CLOSED = 0;

interface Pending {
  resolve: (message: JanusIncoming) => void;
  reject: (error: Error) => void;
  /** keepalive and trickle are answered by an `ack` alone; plugin messages by an `ack` and later the `event`. */
  ackOnly: boolean;
}

export interface JanusSessionOptions {
  url: string;
  token: string;
  openSocket?: (url: string) => WebSocket;
  keepaliveMs?: number;
  /** Delay before the n-th attempt to bring a dropped socket back. */
  retryDelayMs?: (attempt: number) => number;
  /** A handle's event (no transaction: a new publisher, trickle from Janus, webrtcup, hangup, ...). */
  onEvent: (message: JanusIncoming) => void;
  /** The socket came back and the session was claimed: handles live on, ICE may need a restart. */
  onResumed: () => void;
  /** The session is gone (claim refused, session timed out): everything must be set up again. */
  onLost: (error: JanusError) => void;
}

const KEEPALIVE_MS = 25_000;

export function janusRetryDelayMs(attempt: number): number {
  return [0, 1_000, 2_000, 4_000][attempt] ?? 5_000;
}

let transactionCounter = 0;

export class JanusSession {
  id: number | null = null;
  private socket: WebSocket | null = null;
  private readonly pending = new Map<string, Pending>();
  private keepalive: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(private readonly options: JanusSessionOptions) {}

  /** Opens the socket and creates the session with the token. */
  async connect(): Promise<void> {
    await this.openSocket();
    const created = await this.request({ janus: 'create' });
    this.id = created.data?.id ?? null;
    if (this.id === null) throw new JanusError(500, 'create answered without a session id');
    this.startKeepalive();
  }

  async attach(plugin: string): Promise<number> {
    const attached = await this.request({ janus: 'attach', plugin });
    if (attached.data?.id === undefined) throw new JanusError(500, 'attach answered without a handle id');
    return attached.data.id;
  }

  /** A plugin request; resolves with the plugin's answer (and Janus's jsep), rejects with the plugin's error. */
  async message(handleId: number, body: Record<string, unknown>, jsep?: RTCSessionDescriptionInit): Promise<JanusPluginResult> {
    const answer = await this.request({ janus: 'message', handle_id: handleId, body, ...(jsep ? { jsep: { type: jsep.type, sdp: jsep.sdp } } : {}) });
    const data = answer.plugindata?.data ?? {};
    if (typeof data.error_code === 'number') throw new JanusError(data.error_code, typeof data.error === 'string' ? data.error : 'plugin error');
    return { data, jsep: answer.jsep };
  }

  /** Our ICE candidates, as they come (null: gathering is complete). Fire and forget: a lost one is healed by ICE restart. */
  trickle(handleId: number, candidate: RTCIceCandidateInit | null): void {
    void this.request({ janus: 'trickle', handle_id: handleId, candidate: candidate ?? { completed: true } }, true).catch(() => undefined);
  }

  /** Detaches a handle (Janus hangs its peer connection up; a subscriber stops receiving). */
  detach(handleId: number): void {
    void this.request({ janus: 'detach', handle_id: handleId }).catch(() => undefined);
  }

  /** Destroys the session (every handle with it: our feed leaves the room at once) and closes the socket. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepalive);
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    if (socket && socket.readyState === WebSocket.OPEN && this.id !== null) {
      // Note: WebSocket.close sends what is queued first, so the destroy reaches Janus.
      socket.send(JSON.stringify({ janus: 'destroy', session_id: this.id, token: this.options.token, transaction: nextTransaction() }));
    }
    this.detachSocket();
    socket?.close();
    this.failPending(new JanusError(SOCKET_CLOSED, 'session closed'));
  }

  private request(message: Record<string, unknown>, ackOnly = false): Promise<JanusIncoming> {
    const socket = this.socket;
    if (this.closed || !socket || socket.readyState !== WebSocket.OPEN) return Promise.reject(new JanusError(SOCKET_CLOSED, 'not connected'));
    const transaction = nextTransaction();
    const full = { ...message, transaction, token: this.options.token, ...(this.id !== null && message.janus !== 'create' ? { session_id: this.id } : {}) };
    return new Promise<JanusIncoming>((resolve, reject) => {
      this.pending.set(transaction, { resolve, reject, ackOnly });
      socket.send(JSON.stringify(full));
    });
  }

  private openSocket(): Promise<void> {
    const socket = this.options.openSocket?.(this.options.url) ?? new WebSocket(this.options.url, 'janus-protocol');
    this.socket = socket;
    let opened = false;
    return new Promise<void>((resolve, reject) => {
      socket.onopen = () => {
        opened = true;
        socket.onerror = null;
        resolve();
      };
      socket.onerror = () => reject(new JanusError(SOCKET_CLOSED, 'the media server cannot be reached'));
      socket.onmessage = (event: MessageEvent) => this.receive(String(event.data));
      socket.onclose = () => {
        if (this.socket !== socket) return;
        // Note: a socket that never opened is the caller's failure to handle (connect rejects, retry tries again).
        if (opened) this.dropped();
        else reject(new JanusError(SOCKET_CLOSED, 'the media server cannot be reached'));
      };
    });
  }

  private receive(raw: string): void {
    let message: JanusIncoming;
    try {
      message = JSON.parse(raw) as JanusIncoming;
    } catch {
      return;
    }
    const pending = message.transaction ? this.pending.get(message.transaction) : undefined;
    if (pending) {
      if (message.janus === 'ack' && !pending.ackOnly) return;
      this.pending.delete(message.transaction!);
      if (message.janus === 'error') pending.reject(new JanusError(message.error?.code ?? 500, message.error?.reason ?? 'error'));
      else pending.resolve(message);
      return;
    }
    if (message.janus === 'timeout') {
      this.lost(new JanusError(NO_SUCH_SESSION, 'session timed out'));
      return;
    }
    if (message.sender !== undefined) this.options.onEvent(message);
  }

  /** The socket dropped under us: bring it back and claim the session (Janus keeps it if reclaiming is configured). */
  private dropped(): void {
    clearInterval(this.keepalive);
    this.detachSocket();
    this.socket = null;
    this.failPending(new JanusError(SOCKET_CLOSED, 'the media server connection dropped'));
    if (!this.closed) this.retry(0);
  }

  private retry(attempt: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.closed) return;
      this.openSocket()
        .then(async () => {
          try {
            await this.request({ janus: 'claim' });
          } catch (error) {
            // Note: a socket that dropped again is retried by its close handler.
            if (error instanceof JanusError && error.code === SOCKET_CLOSED) return;
            // Note: the socket is fine but the session is not (Janus dropped it with the old transport): start over.
            this.lost(error instanceof JanusError ? error : new JanusError(NO_SUCH_SESSION, 'claim failed'));
            return;
          }
          this.startKeepalive();
          this.options.onResumed();
        })
        .catch(() => {
          if (this.closed) return;
          this.detachSocket();
          this.socket?.close();
          this.socket = null;
          this.retry(attempt + 1);
        });
    }, (this.options.retryDelayMs ?? janusRetryDelayMs)(attempt));
  }

  private lost(error: JanusError): void {
    if (this.closed) return;
    this.close();
    this.options.onLost(error);
  }

  private startKeepalive(): void {
    clearInterval(this.keepalive);
    this.keepalive = setInterval(() => {
      void this.request({ janus: 'keepalive' }, true).catch(() => undefined);
    }, this.options.keepaliveMs ?? KEEPALIVE_MS);
  }

  private detachSocket(): void {
    if (!this.socket) return;
    this.socket.onopen = null;
    this.socket.onerror = null;
    this.socket.onmessage = null;
    this.socket.onclose = null;
  }

  private failPending(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }
}

function nextTransaction(): string {
  transactionCounter += 1;
  return `t${transactionCounter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

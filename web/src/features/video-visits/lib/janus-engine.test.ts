import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PeerInfo } from './call-engine';
import { JanusEngine, type JanusCall } from './janus-engine';
import type { JanusError } from './janus-session';

type Json = Record<string, unknown>;

/** Just enough of RTCPeerConnection to follow an offer/answer with Janus (jsdom has no WebRTC). */
class FakePeerConnection {
  static created: FakePeerConnection[] = [];
  readonly transceivers: Array<{ track: { kind: string }; init: RTCRtpTransceiverInit }> = [];
  readonly candidates: RTCIceCandidateInit[] = [];
  readonly remote: RTCSessionDescriptionInit[] = [];
  readonly offers: Array<RTCOfferOptions | undefined> = [];
  signalingState: RTCSignalingState = 'stable';
  iceConnectionState: RTCIceConnectionState = 'new';
  localDescription: { type: RTCSdpType; sdp: string; toJSON: () => RTCSessionDescriptionInit } | null = null;
  onicecandidate: ((event: { candidate: { toJSON: () => RTCIceCandidateInit } | null }) => void) | null = null;
  ontrack: ((event: { track: { kind: string }; streams: MediaStream[] }) => void) | null = null;
  oniceconnectionstatechange: (() => void) | null = null;
  closed = false;

  constructor(readonly configuration: RTCConfiguration) {
    FakePeerConnection.created.push(this);
  }

  addTransceiver(track: { kind: string }, init: RTCRtpTransceiverInit): void {
    this.transceivers.push({ track, init });
  }

  getTransceivers(): unknown[] {
    return this.transceivers.map((t) => ({ sender: { track: t.track, replaceTrack: vi.fn() }, receiver: { track: { kind: t.track.kind } } }));
  }

  async createOffer(options?: RTCOfferOptions): Promise<RTCSessionDescriptionInit> {
    this.offers.push(options);
    return { type: 'offer', sdp: `offer ${FakePeerConnection.created.indexOf(this)}` };
  }

  async setLocalDescription(description?: RTCSessionDescriptionInit): Promise<void> {
    const type: RTCSdpType = description?.type ?? (this.signalingState === 'have-remote-offer' ? 'answer' : 'offer');
    const sdp = description?.sdp ?? `${type} ${FakePeerConnection.created.indexOf(this)}`;
    this.signalingState = type === 'offer' ? 'have-local-offer' : 'stable';
    this.localDescription = { type, sdp, toJSON: () => ({ type, sdp }) };
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    this.remote.push(description);
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable';
  }

  async addIceCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    this.candidates.push(candidate);
  }

  async getStats(): Promise<RTCStatsReport> {
    return new Map();
  }

  close(): void {
    this.closed = true;
    this.signalingState = 'closed';
  }

  connect(): void {
    this.iceConnectionState = 'connected';
    this.oniceconnectionstatechange?.();
  }
}

/** A WebSocket the test plays Janus on: it records what the engine sends; `janus` answers as the server would. */
class FakeSocket {
  readyState = 0;
  readonly sent: Json[] = [];
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;

  constructor(
    readonly url: string,
    private readonly janus: FakeJanus,
  ) {
    setTimeout(() => {
      if (janus.unreachable) {
        this.readyState = 3;
        this.onerror?.();
        this.onclose?.();
        return;
      }
      this.readyState = 1;
      this.onopen?.();
    }, 0);
  }

  send(raw: string): void {
    const message = JSON.parse(raw) as Json;
    this.sent.push(message);
    this.janus.received.push(message);
    this.janus.answer(this, message);
  }

  close(): void {
    this.readyState = 3;
  }

  /** The network drops the connection. */
  drop(): void {
    this.readyState = 3;
    this.onclose?.();
  }

  push(message: Json): void {
    setTimeout(() => this.onmessage?.({ data: JSON.stringify(message) }), 0);
  }
}

/** A scripted Janus with one videoroom: sessions, handles, publishers, subscribers, claim. */
class FakeJanus {
  readonly received: Json[] = [];
  readonly sockets: FakeSocket[] = [];
  unreachable = false;
  /** Who is publishing in the room when we join. */
  publishers: Array<{ id: number; display: string }> = [];
  joinError: { code: number; reason: string } | null = null;
  claimError: { code: number; reason: string } | null = null;
  private nextId = 100;
  sessionId = 0;

  open = (url: string): WebSocket => {
    const socket = new FakeSocket(url, this);
    this.sockets.push(socket);
    return socket as unknown as WebSocket;
  };

  get socket(): FakeSocket {
    return this.sockets.at(-1)!;
  }

  requests(kind: string, request?: string): Json[] {
    return this.received.filter((m) => m.janus === kind && (request === undefined || (m.body as Json | undefined)?.request === request));
  }

  /** An event for a handle that nobody asked for (a new publisher, a feed leaving, Janus's ICE candidate). */
  event(sender: number, data: Json, extra: Json = {}): void {
    this.socket.push({ janus: 'event', session_id: this.sessionId, sender, plugindata: { plugin: 'janus.plugin.videoroom', data }, ...extra });
  }

  answer(socket: FakeSocket, m: Json): void {
    const transaction = m.transaction as string;
    const reply = (message: Json): void => socket.push({ transaction, session_id: this.sessionId, ...message });
    const pluginEvent = (data: Json, jsep?: RTCSessionDescriptionInit): void => {
      reply({ janus: 'ack' });
      reply({ janus: 'event', sender: m.handle_id, plugindata: { plugin: 'janus.plugin.videoroom', data }, ...(jsep ? { jsep } : {}) });
    };
    switch (m.janus) {
      case 'create':
        this.sessionId = this.nextId++;
        reply({ janus: 'success', data: { id: this.sessionId } });
        return;
      case 'attach':
        reply({ janus: 'success', data: { id: this.nextId++ } });
        return;
      case 'keepalive':
      case 'trickle':
        reply({ janus: 'ack' });
        return;
      case 'claim':
        reply(this.claimError ? { janus: 'error', error: this.claimError } : { janus: 'success' });
        return;
      case 'detach':
      case 'destroy':
        reply({ janus: 'success' });
        return;
      case 'message':
        break;
      default:
        return;
    }
    const body = m.body as Json;
    if (body.request === 'listparticipants') {
      const participants = this.publishers.map((p) => ({ ...p, publisher: true })).concat([{ id: 99, display: 'peer-listening', publisher: false }]);
      reply({ janus: 'success', sender: m.handle_id, plugindata: { plugin: 'janus.plugin.videoroom', data: { videoroom: 'participants', room: body.room, participants } } });
      return;
    }
    if (body.request === 'join' && body.ptype === 'publisher') {
      if (this.joinError) pluginEvent({ videoroom: 'event', error_code: this.joinError.code, error: this.joinError.reason });
      else pluginEvent({ videoroom: 'joined', room: body.room, id: body.id, private_id: 77, publishers: this.publishers });
    } else if (body.request === 'publish' || (body.request === 'configure' && m.jsep)) {
      pluginEvent({ videoroom: 'event', configured: 'ok' }, { type: 'answer', sdp: 'janus answer' });
    } else if (body.request === 'join' && body.ptype === 'subscriber') {
      const feed = ((body.streams as Json[])[0]!.feed as number);
      pluginEvent({ videoroom: 'attached', room: body.room, streams: [{ feed_id: feed }] }, { type: 'offer', sdp: `janus offer ${feed}` });
    } else if (body.request === 'configure' && body.restart) {
      pluginEvent({ videoroom: 'event', configured: 'ok' }, { type: 'offer', sdp: 'janus restart offer' });
    } else if (body.request === 'start') {
      pluginEvent({ videoroom: 'event', started: 'ok' });
    }
  }
}

const call: JanusCall = { url: 'ws://127.0.0.1:8188', roomId: 4242, token: 'token-a', feedId: 11, iceServers: [{ urls: 'turn:turn.example:3478' }] };
const doctor: PeerInfo = { peerId: 'peer-doctor', role: 'Doctor', name: '李伟', accountId: 'd' };
const specialist: PeerInfo = { peerId: 'peer-specialist', role: 'Specialist', name: '王芳', accountId: 's' };

function cameraAndMicrophone(width = 1280): MediaStream {
  const tracks = [{ kind: 'audio', getSettings: () => ({}) }, { kind: 'video', getSettings: () => ({ width }) }] as unknown as MediaStreamTrack[];
  return { getTracks: () => tracks } as unknown as MediaStream;
}

/** Lets the scripted exchange run: fake timers give a 0 ms timeout made during a tick 1 ms, so step at least that. */
async function settle(ms = 0): Promise<void> {
  const steps = 40;
  for (let i = 0; i < steps; i++) await vi.advanceTimersByTimeAsync(Math.max(1, ms / steps));
}

/** Awaits something that needs the scripted Janus (and so the fake clock) to answer. */
async function run<T>(promise: Promise<T>): Promise<T> {
  await settle();
  return promise;
}

describe('the Janus call engine', () => {
  let janus: FakeJanus;
  let engine: JanusEngine;
  let refused: JanusError[];
  let mediaSent: Array<{ to: string; data: unknown }>;

  function createEngine(simulcast = true): JanusEngine {
    return new JanusEngine({
      selfPeerId: 'peer-patient',
      janus: call,
      openSocket: janus.open,
      send: async (to, data) => {
        mediaSent.push({ to, data });
      },
      onChange: () => undefined,
      onRefused: (error) => refused.push(error),
      simulcast,
      retryDelayMs: () => 1_000,
    });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    FakePeerConnection.created = [];
    vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
    janus = new FakeJanus();
    refused = [];
    mediaSent = [];
    engine = createEngine();
  });

  afterEach(() => {
    engine.close();
    vi.useRealTimers();
  });

  it('creates a session with the token, joins as a publisher with its feed id and hub peer id, and publishes once with simulcast', async () => {
    const started = engine.start(cameraAndMicrophone());
    await settle();
    await started;

    expect(janus.socket.url).toBe('ws://127.0.0.1:8188');
    expect(janus.received.map((m) => m.janus)).toEqual(['create', 'attach', 'message', 'message']);
    expect(janus.received.every((m) => m.token === 'token-a' && typeof m.transaction === 'string')).toBe(true);
    expect(new Set(janus.received.map((m) => m.transaction)).size).toBe(4);
    expect(janus.received[1]).toMatchObject({ plugin: 'janus.plugin.videoroom', session_id: janus.sessionId });
    expect(janus.requests('message', 'join')[0]!.body).toEqual({ request: 'join', ptype: 'publisher', room: 4242, id: 11, display: 'peer-patient', token: 'token-a' });
    const publish = janus.requests('message', 'publish');
    expect(publish).toHaveLength(1);
    expect(publish[0]!.jsep).toEqual({ type: 'offer', sdp: 'offer 0' });

    const pc = FakePeerConnection.created[0]!;
    expect(pc.configuration).toMatchObject({ iceServers: call.iceServers, bundlePolicy: 'max-bundle' });
    expect(pc.remote).toEqual([{ type: 'answer', sdp: 'janus answer' }]);
    const video = pc.transceivers.find((t) => t.track.kind === 'video')!;
    expect(video.init.direction).toBe('sendonly');
    expect(video.init.sendEncodings?.map((e) => e.rid)).toEqual(['h', 'm', 'l']);
    expect(pc.transceivers.find((t) => t.track.kind === 'audio')!.init.sendEncodings).toBeUndefined();
  });

  it('sends one video layer from a camera narrower than 640 px, or where simulcast is off', async () => {
    const started = engine.start(cameraAndMicrophone(320));
    await settle();
    await started;
    expect(FakePeerConnection.created[0]!.transceivers.find((t) => t.track.kind === 'video')!.init.sendEncodings).toBeUndefined();

    engine.close();
    engine = createEngine(false);
    const again = engine.start(cameraAndMicrophone(1280));
    await settle();
    await again;
    expect(FakePeerConnection.created[1]!.transceivers.find((t) => t.track.kind === 'video')!.init.sendEncodings).toBeUndefined();
  });

  it('subscribes to everyone already publishing (not to itself) and answers Janus offer with start; the feed display names the hub peer', async () => {
    janus.publishers = [
      { id: 11, display: 'peer-patient' },
      { id: 21, display: 'peer-doctor' },
    ];
    engine.addPeer(doctor);
    await run(engine.start(cameraAndMicrophone()));
    await settle();

    const joins = janus.requests('message', 'join').filter((m) => (m.body as Json).ptype === 'subscriber');
    expect(joins.map((m) => m.body)).toEqual([{ request: 'join', ptype: 'subscriber', room: 4242, streams: [{ feed: 21 }], private_id: 77, token: 'token-a' }]);
    const start = janus.requests('message', 'start');
    expect(start).toHaveLength(1);
    expect(start[0]!.handle_id).toBe(joins[0]!.handle_id);
    expect(start[0]!.jsep).toMatchObject({ type: 'answer' });
    expect(engine.feedsByPeer()).toEqual(new Map([['peer-doctor', 21]]));

    const subscriberPc = FakePeerConnection.created.find((pc) => pc.remote.some((d) => d.sdp === 'janus offer 21'))!;
    const track = { kind: 'video' };
    const stream = { getTracks: () => [track] } as unknown as MediaStream;
    subscriberPc.ontrack!({ track, streams: [stream] });
    subscriberPc.connect();
    await settle();

    const [peer] = engine.peers();
    expect(peer).toMatchObject({ peerId: 'peer-doctor', name: '李伟', role: 'Doctor', state: 'connected' });
    expect(peer!.stream).toBe(stream);
  });

  it('subscribes to a publisher that joins later and unsubscribes (detach) when it leaves', async () => {
    await run(engine.start(cameraAndMicrophone()));
    const publisherHandle = janus.requests('message', 'publish')[0]!.handle_id as number;

    engine.addPeer(specialist);
    janus.event(publisherHandle, { videoroom: 'event', room: 4242, publishers: [{ id: 31, display: 'peer-specialist' }] });
    await settle();
    expect(engine.feedsByPeer()).toEqual(new Map([['peer-specialist', 31]]));
    expect(engine.peers().map((p) => p.name)).toEqual(['王芳']);
    const subscriberHandle = janus.requests('message', 'start')[0]!.handle_id;

    janus.event(publisherHandle, { videoroom: 'event', room: 4242, leaving: 31 });
    await settle();
    expect(engine.feedsByPeer().size).toBe(0);
    expect(janus.requests('detach').map((m) => m.handle_id)).toEqual([subscriberHandle]);
    expect(FakePeerConnection.created.at(-1)!.closed).toBe(true);
    // Note: still in the call as far as the hub knows (they may publish again), but without a stream.
    expect(engine.peers()).toMatchObject([{ peerId: 'peer-specialist', stream: null, state: 'connecting' }]);
  });

  it('subscribes again when Janus hangs up a subscription whose feed still publishes (its DTLS timed out), not when the feed left', async () => {
    await run(engine.start(cameraAndMicrophone()));
    const publisherHandle = janus.requests('message', 'publish')[0]!.handle_id as number;
    engine.addPeer(specialist);
    janus.publishers = [{ id: 31, display: 'peer-specialist' }];
    janus.event(publisherHandle, { videoroom: 'event', room: 4242, publishers: janus.publishers });
    await settle();
    const firstHandle = janus.requests('message', 'start')[0]!.handle_id;

    janus.socket.push({ janus: 'hangup', session_id: janus.sessionId, sender: firstHandle, reason: 'DTLS alert' });
    await settle(1_500);

    expect(janus.requests('detach').map((m) => m.handle_id)).toEqual([firstHandle]);
    expect(janus.requests('message', 'listparticipants')).toHaveLength(1);
    const joins = janus.requests('message', 'join').filter((m) => (m.body as Json).ptype === 'subscriber');
    expect(joins.map((m) => (m.body as Json).streams)).toEqual([[{ feed: 31 }], [{ feed: 31 }]]);
    expect(joins[1]!.handle_id).not.toBe(firstHandle);
    expect(engine.feedsByPeer()).toEqual(new Map([['peer-specialist', 31]]));

    // Note: this time the feed is gone from the room: nobody to subscribe to again (and never the listener who does not publish).
    const secondHandle = janus.requests('message', 'start')[1]!.handle_id;
    janus.publishers = [];
    janus.socket.push({ janus: 'hangup', session_id: janus.sessionId, sender: secondHandle, reason: 'Close PC' });
    await settle(1_500);
    expect(janus.requests('message', 'join').filter((m) => (m.body as Json).ptype === 'subscriber')).toHaveLength(2);
    expect(engine.feedsByPeer().size).toBe(0);
  });

  it('shows a feed before its hub event arrives, and gives it its name when it does', async () => {
    janus.publishers = [{ id: 21, display: 'peer-doctor' }];
    await run(engine.start(cameraAndMicrophone()));
    expect(engine.peers().map((p) => [p.peerId, p.name])).toEqual([['peer-doctor', '']]);
    engine.addPeer(doctor);
    expect(engine.peers().map((p) => [p.peerId, p.name])).toEqual([['peer-doctor', '李伟']]);
  });

  it('trickles candidates both ways on the right handle', async () => {
    janus.publishers = [{ id: 21, display: 'peer-doctor' }];
    await run(engine.start(cameraAndMicrophone()));
    const publisherHandle = janus.requests('message', 'publish')[0]!.handle_id as number;
    const subscriberHandle = janus.requests('message', 'start')[0]!.handle_id as number;
    const [publisherPc, subscriberPc] = [FakePeerConnection.created[0]!, FakePeerConnection.created.find((pc) => pc.remote.some((d) => d.type === 'offer'))!];

    const candidate = { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 };
    publisherPc.onicecandidate!({ candidate: { toJSON: () => candidate } });
    publisherPc.onicecandidate!({ candidate: null });
    const trickles = janus.requests('trickle');
    expect(trickles.map((m) => [m.handle_id, m.candidate])).toEqual([
      [publisherHandle, candidate],
      [publisherHandle, { completed: true }],
    ]);

    janus.socket.push({ janus: 'trickle', session_id: janus.sessionId, sender: subscriberHandle, candidate });
    janus.socket.push({ janus: 'trickle', session_id: janus.sessionId, sender: publisherHandle, candidate: { completed: true } });
    await settle();
    expect(subscriberPc.candidates).toEqual([candidate]);
    expect(publisherPc.candidates).toEqual([]);
  });

  it('keeps the session alive every 25 seconds', async () => {
    await run(engine.start(cameraAndMicrophone()));
    expect(janus.requests('keepalive')).toHaveLength(0);
    await settle(25_000);
    expect(janus.requests('keepalive')).toHaveLength(1);
    await settle(50_000);
    expect(janus.requests('keepalive').map((m) => m.session_id)).toEqual([janus.sessionId, janus.sessionId, janus.sessionId]);
  });

  it('tells the room when Janus refuses the token (not in the room ACL) and publishes nothing', async () => {
    janus.joinError = { code: 433, reason: 'Unauthorized (not in the allowed list)' };
    await run(engine.start(cameraAndMicrophone()));
    expect(refused.map((e) => e.code)).toEqual([433]);
    expect(janus.requests('message', 'publish')).toHaveLength(0);
  });

  it('claims its session back after the socket drops, and restarts ICE where media is not flowing', async () => {
    janus.publishers = [{ id: 21, display: 'peer-doctor' }];
    await run(engine.start(cameraAndMicrophone()));
    const sessionId = janus.sessionId;
    janus.socket.drop();
    await settle(1_200);

    expect(janus.sockets).toHaveLength(2);
    expect(janus.sockets[1]!.sent[0]).toMatchObject({ janus: 'claim', session_id: sessionId, token: 'token-a' });
    expect(janus.requests('create')).toHaveLength(1);
    await settle();
    expect(janus.requests('message', 'configure').map((m) => (m.body as Json).restart ?? 'publisher')).toEqual(expect.arrayContaining(['publisher', true]));
    expect(FakePeerConnection.created[0]!.offers.at(-1)).toEqual({ iceRestart: true });
    expect(refused).toEqual([]);
  });

  it('sets everything up again when the session cannot be claimed back', async () => {
    janus.publishers = [{ id: 21, display: 'peer-doctor' }];
    await run(engine.start(cameraAndMicrophone()));
    janus.claimError = { code: 458, reason: 'No such session' };
    janus.socket.drop();
    await settle(3_000);

    expect(janus.requests('create')).toHaveLength(2);
    expect(janus.requests('message', 'join').filter((m) => (m.body as Json).ptype === 'publisher')).toHaveLength(2);
    expect(janus.requests('message', 'publish')).toHaveLength(2);
    expect(engine.feedsByPeer()).toEqual(new Map([['peer-doctor', 21]]));
    expect(refused).toEqual([]);
  });

  it('keeps trying while Janus cannot be reached, then joins', async () => {
    janus.unreachable = true;
    await run(engine.start(cameraAndMicrophone()));
    await settle(2_000);
    expect(janus.requests('create')).toHaveLength(0);
    janus.unreachable = false;
    await settle(1_000);
    expect(janus.requests('create')).toHaveLength(1);
    expect(janus.requests('message', 'publish')).toHaveLength(1);
  });

  it('hangs up by destroying the session, and sends camera and microphone flags to the others through the hub', async () => {
    await run(engine.start(cameraAndMicrophone()));
    engine.addPeer(doctor);
    await engine.announceMedia({ audio: false, video: true, screen: false });
    expect(mediaSent).toEqual([{ to: 'peer-doctor', data: { kind: 'media', media: { audio: false, video: true, screen: false } } }]);

    await engine.handleSignal('peer-doctor', { kind: 'media', media: { audio: true, video: false, screen: false } });
    expect(engine.peers()[0]!.media.video).toBe(false);

    const sessionId = janus.sessionId;
    engine.close();
    expect(janus.received.at(-1)).toMatchObject({ janus: 'destroy', session_id: sessionId });
    expect(FakePeerConnection.created[0]!.closed).toBe(true);
  });
});

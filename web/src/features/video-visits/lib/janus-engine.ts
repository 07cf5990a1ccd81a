import type { MediaEngine, MediaState, PeerInfo, PeerState, RemotePeer, SignalData } from './call-engine';
import { JANUS_REFUSALS, JanusError, JanusSession, type JanusIncoming, type JanusPluginResult } from './janus-session';
import { assessQuality, sampleFromStats, type InboundCounters, type Quality } from './quality';

/** What the hub's CallSnapshot says in Janus mode (see the README, "Video through Janus"). */
export interface JanusCall {
  url: string;
  roomId: number;
  token: string;
  feedId: number;
  iceServers: RTCIceServer[];
}

export interface JanusEngineOptions {
  selfPeerId: string;
  janus: JanusCall;
  /** Camera/microphone flags still travel through the hub (Janus relays media, not our UI state). */
  send: (toPeerId: string, data: SignalData) => Promise<void>;
  onChange: () => void;
  /** Janus refused us (a token it does not know, not in the room's ACL, no such room): the call cannot go on. */
  onRefused: (error: JanusError) => void;
  openSocket?: (url: string) => WebSocket;
  keepaliveMs?: number;
  retryDelayMs?: (attempt: number) => number;
  /** Simulcast (3 layers) for a camera at least 640 px wide; defaults to "the browser is Chromium". */
  simulcast?: boolean;
  graceMs?: number;
}

const VIDEOROOM = 'janus.plugin.videoroom';
const STATS_INTERVAL_MS = 1_000;
const DISCONNECTED_RESTART_MS = 2_000;
/** After Janus hangs a subscription up, how long before we look at who still publishes and subscribe again. */
const RESUBSCRIBE_AFTER_HANGUP_MS = 1_000;
const SIMULCAST_MIN_WIDTH = 640;
/** Janus's videoroom: "already in the room" (our old feed is still being torn down after a rebuild). */
const ID_EXISTS = 436;

interface Publisher {
  handleId: number;
  pc: RTCPeerConnection | null;
}

/** One subscriber handle per remote feed: its own peer connection, receive only. */
interface Subscription {
  feedId: number;
  peerId: string;
  handleId: number | null;
  pc: RTCPeerConnection | null;
  stream: MediaStream | null;
  state: PeerState;
  quality: Quality;
  framesDecoded: number;
  counters: InboundCounters | null;
  everConnected: boolean;
  restartTimer?: ReturnType<typeof setTimeout>;
}

interface Participant {
  info: PeerInfo;
  media: MediaState;
  goneTimer?: ReturnType<typeof setTimeout>;
}

interface FeedInfo {
  id: number;
  display?: string;
  dummy?: boolean;
  streams?: unknown[];
}

/**
 * The call through the Janus SFU: this browser publishes its camera and microphone once (one publisher handle) and
 * subscribes to every other publisher (one subscriber handle each), whatever the number of participants. Who is in the
 * call (names, roles) still comes from the hub; a feed's `display` is the hub peer id, which ties the two together.
 */
export class JanusEngine implements MediaEngine {
  private session: JanusSession | null = null;
  private publisher: Publisher | null = null;
  private privateId: number | undefined;
  private readonly participants = new Map<string, Participant>();
  /** By feed id. */
  private readonly subscriptions = new Map<number, Subscription>();
  private localStream: MediaStream | null = null;
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private publisherRestartTimer: ReturnType<typeof setTimeout> | undefined;
  private resubscribeTimer: ReturnType<typeof setTimeout> | undefined;
  private changeQueued = false;
  private closed = false;
  private generation = 0;
  media: MediaState = { audio: true, video: true, screen: false };

  constructor(private readonly options: JanusEngineOptions) {}

  /** Connects, joins the room as a publisher, publishes and subscribes to the feeds already there. */
  async start(localStream: MediaStream | null): Promise<void> {
    this.localStream = localStream;
    this.statsTimer ??= setInterval(() => void this.sampleStats(), STATS_INTERVAL_MS);
    await this.establish();
  }

  /** Nothing to prepare before the admit: the token comes with it. */
  warm(): void {}

  peers(): RemotePeer[] {
    const result: RemotePeer[] = [];
    const seen = new Set<string>();
    for (const participant of this.participants.values()) {
      seen.add(participant.info.peerId);
      result.push(this.remote(participant.info, participant.media, this.subscriptionOf(participant.info.peerId)));
    }
    // Note: a feed whose hub event has not arrived yet is shown already (its name follows with the event).
    for (const subscription of this.subscriptions.values()) {
      if (seen.has(subscription.peerId)) continue;
      seen.add(subscription.peerId);
      result.push(this.remote({ peerId: subscription.peerId, role: 'Patient', name: '', accountId: '' }, { audio: true, video: true, screen: false }, subscription));
    }
    return result;
  }

  addPeer(info: PeerInfo): void {
    if (this.closed || info.peerId === this.options.selfPeerId) return;
    const existing = this.participants.get(info.peerId);
    if (existing) {
      clearTimeout(existing.goneTimer);
      existing.goneTimer = undefined;
      existing.info = info;
    } else {
      this.participants.set(info.peerId, { info, media: { audio: true, video: true, screen: false } });
    }
    this.changed();
  }

  removePeer(peerId: string, reason: 'left' | 'disconnected'): void {
    const participant = this.participants.get(peerId);
    if (!participant) return;
    if (reason === 'left') {
      this.participants.delete(peerId);
      const subscription = this.subscriptionOf(peerId);
      if (subscription) this.unsubscribe(subscription.feedId);
      this.changed();
      return;
    }
    // Note: their hub connection dropped; the API kicks their feed, and they publish again when back. Wait for them.
    const subscription = this.subscriptionOf(peerId);
    if (subscription) subscription.state = 'reconnecting';
    clearTimeout(participant.goneTimer);
    participant.goneTimer = setTimeout(() => {
      if (this.subscriptionOf(peerId)?.state === 'connected') return;
      this.participants.delete(peerId);
      this.changed();
    }, this.options.graceMs ?? 30_000);
    this.changed();
  }

  handleSignal(fromPeerId: string, data: SignalData): Promise<void> {
    const participant = this.participants.get(fromPeerId);
    if (data.kind === 'media' && participant) {
      participant.media = data.media;
      this.changed();
    }
    return Promise.resolve();
  }

  /** The network changed: new ICE credentials towards Janus on every connection (Janus keeps the session). */
  async restartIce(): Promise<void> {
    if (this.closed) return;
    await Promise.all([this.restartPublisher(), ...[...this.subscriptions.values()].map((s) => this.restartSubscription(s))]);
  }

  /** After the hub reconnected: restart ICE where media is not flowing. */
  async recover(): Promise<void> {
    const stalled = (pc: RTCPeerConnection | null): boolean => !!pc && pc.iceConnectionState !== 'connected' && pc.iceConnectionState !== 'completed';
    if (stalled(this.publisher?.pc ?? null)) await this.restartPublisher();
    for (const subscription of this.subscriptions.values()) if (stalled(subscription.pc)) await this.restartSubscription(subscription);
  }

  /** Swaps the camera/screen or microphone track; a kind we did not publish yet is added (publishing again). */
  async replaceTrack(track: MediaStreamTrack): Promise<void> {
    const pc = this.publisher?.pc;
    if (!pc) return;
    const transceiver = pc.getTransceivers().find((t) => t.sender.track?.kind === track.kind || t.receiver.track.kind === track.kind);
    if (transceiver) {
      await transceiver.sender.replaceTrack(track);
      return;
    }
    pc.addTransceiver(track, { direction: 'sendonly', streams: this.localStream ? [this.localStream] : [] });
    await this.negotiatePublisher('configure');
  }

  setLocalStream(stream: MediaStream | null): void {
    this.localStream = stream;
  }

  async announceMedia(media: MediaState): Promise<void> {
    this.media = media;
    await Promise.all([...this.participants.keys()].map((peerId) => this.options.send(peerId, { kind: 'media', media }).catch(() => undefined)));
  }

  /** Hangs up: destroying the session makes our feed leave the room and ends every subscription at once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.statsTimer);
    clearTimeout(this.publisherRestartTimer);
    clearTimeout(this.resubscribeTimer);
    for (const participant of this.participants.values()) clearTimeout(participant.goneTimer);
    this.teardown();
  }

  /** Test seam and diagnostics: the feeds we receive, by hub peer id. */
  feedsByPeer(): Map<string, number> {
    return new Map([...this.subscriptions.values()].map((s) => [s.peerId, s.feedId]));
  }

  private async establish(): Promise<void> {
    const generation = ++this.generation;
    const session = new JanusSession({
      url: this.options.janus.url,
      token: this.options.janus.token,
      openSocket: this.options.openSocket,
      keepaliveMs: this.options.keepaliveMs,
      retryDelayMs: this.options.retryDelayMs,
      onEvent: (message) => this.onEvent(message),
      onResumed: () => void this.recover(),
      onLost: (error) => this.onLost(error, generation),
    });
    this.session = session;
    try {
      await session.connect();
      const handleId = await session.attach(VIDEOROOM);
      this.publisher = { handleId, pc: null };
      const joined = await this.joinAsPublisher(session, handleId);
      if (this.closed || this.generation !== generation) return;
      this.privateId = typeof joined.data.private_id === 'number' ? joined.data.private_id : undefined;
      this.onPublishers(joined.data.publishers);
      await this.publish();
    } catch (error) {
      if (this.closed || this.generation !== generation) return;
      if (error instanceof JanusError && JANUS_REFUSALS.has(error.code)) {
        this.options.onRefused(error);
        return;
      }
      // Note: Janus could not be reached or dropped us half way: try again from the start, as a dropped socket would.
      this.teardown();
      this.retryEstablish(generation, 0);
    }
  }

  private async joinAsPublisher(session: JanusSession, handleId: number, attempt = 0): Promise<JanusPluginResult> {
    const { janus, selfPeerId } = this.options;
    try {
      return await session.message(handleId, { request: 'join', ptype: 'publisher', room: janus.roomId, id: janus.feedId, display: selfPeerId, token: janus.token });
    } catch (error) {
      // Note: after a rebuild our previous feed may still be leaving (Janus drops it with the old session); ask again.
      if (error instanceof JanusError && error.code === ID_EXISTS && attempt < 5) {
        await delay(1_000);
        return this.joinAsPublisher(session, handleId, attempt + 1);
      }
      throw error;
    }
  }

  private retryEstablish(generation: number, attempt: number): void {
    setTimeout(() => {
      if (this.closed || this.generation !== generation) return;
      void this.establish();
    }, (this.options.retryDelayMs?.(attempt + 1)) ?? 2_000);
  }

  /** The session could not be claimed back: set everything up again (same feed id, same token). */
  private onLost(_error: JanusError, generation: number): void {
    if (this.closed || this.generation !== generation) return;
    this.teardown();
    this.retryEstablish(generation, 0);
  }

  /** Closes the session and every peer connection; the participants (from the hub) stay. */
  private teardown(): void {
    this.session?.close();
    this.session = null;
    this.publisher?.pc?.close();
    this.publisher = null;
    for (const feedId of [...this.subscriptions.keys()]) this.dropSubscription(feedId);
    this.changed();
  }

  private async publish(): Promise<void> {
    const publisher = this.publisher;
    if (!publisher) return;
    const stream = this.localStream;
    const tracks = stream?.getTracks() ?? [];
    // Note: no camera and no microphone: we only watch (Janus has nothing to forward from us).
    if (tracks.length === 0) return;
    const pc = this.newPeerConnection();
    publisher.pc = pc;
    for (const track of tracks) {
      const init: RTCRtpTransceiverInit = { direction: 'sendonly', streams: [stream!] };
      if (track.kind === 'video' && this.useSimulcast(track)) {
        // Note: three layers (full, half, quarter size); Janus forwards to each subscriber the one it can take.
        init.sendEncodings = [
          { rid: 'h', maxBitrate: 900_000 },
          { rid: 'm', maxBitrate: 300_000, scaleResolutionDownBy: 2 },
          { rid: 'l', maxBitrate: 100_000, scaleResolutionDownBy: 4 },
        ];
      }
      pc.addTransceiver(track, init);
    }
    pc.onicecandidate = ({ candidate }) => this.session?.trickle(publisher.handleId, candidate?.toJSON() ?? null);
    pc.oniceconnectionstatechange = () => this.onPublisherIceState(pc);
    await this.negotiatePublisher('publish');
  }

  /** Sends our offer (publish once; configure for an ICE restart or a new track) and applies Janus's answer. */
  private async negotiatePublisher(request: 'publish' | 'configure', iceRestart = false): Promise<void> {
    const publisher = this.publisher;
    const pc = publisher?.pc;
    const session = this.session;
    if (!publisher || !pc || !session) return;
    const offer = await pc.createOffer(iceRestart ? { iceRestart: true } : undefined);
    await pc.setLocalDescription(offer);
    const answer = await session.message(publisher.handleId, { request }, pc.localDescription!.toJSON());
    if (answer.jsep && pc.signalingState !== 'closed') await pc.setRemoteDescription(answer.jsep);
  }

  private onPublisherIceState(pc: RTCPeerConnection): void {
    clearTimeout(this.publisherRestartTimer);
    const state = pc.iceConnectionState;
    if (state === 'failed') void this.restartPublisher();
    else if (state === 'disconnected') {
      this.publisherRestartTimer = setTimeout(() => {
        if (pc.iceConnectionState === 'disconnected') void this.restartPublisher();
      }, DISCONNECTED_RESTART_MS);
    }
  }

  private async restartPublisher(): Promise<void> {
    try {
      if (this.publisher?.pc) await this.negotiatePublisher('configure', true);
    } catch {
      // Note: the socket is down; the claim (or the rebuild) after it comes back restarts ICE again.
    }
  }

  /** The room's publisher list (in `joined` and in later events): subscribe to every feed but ours. */
  private onPublishers(list: unknown): void {
    if (!Array.isArray(list)) return;
    for (const feed of list as FeedInfo[]) {
      if (typeof feed.id !== 'number' || feed.id === this.options.janus.feedId || feed.dummy) continue;
      if (this.subscriptions.has(feed.id)) continue;
      void this.subscribe(feed.id, typeof feed.display === 'string' ? feed.display : String(feed.id));
    }
  }

  /** Asks the room who publishes now and subscribes to anyone we are missing (a feed that left is no longer listed). */
  private async subscribeToPublishing(): Promise<void> {
    const session = this.session;
    const handleId = this.publisher?.handleId;
    if (this.closed || !session || handleId === undefined) return;
    try {
      const { data } = await session.message(handleId, { request: 'listparticipants', room: this.options.janus.roomId });
      const participants = Array.isArray(data.participants) ? (data.participants as Array<FeedInfo & { publisher?: boolean }>) : [];
      if (!this.closed) this.onPublishers(participants.filter((p) => p.publisher === true));
    } catch {
      // Note: the socket is down; the claim (or the rebuild) after it comes back subscribes again.
    }
  }

  private async subscribe(feedId: number, peerId: string): Promise<void> {
    const session = this.session;
    if (!session || this.closed) return;
    // Note: the same person publishing again (after a reconnect) replaces their old feed.
    for (const old of [...this.subscriptions.values()]) if (old.peerId === peerId) this.unsubscribe(old.feedId);
    const subscription: Subscription = {
      feedId,
      peerId,
      handleId: null,
      pc: null,
      stream: null,
      state: 'connecting',
      quality: 'unknown',
      framesDecoded: 0,
      counters: null,
      everConnected: false,
    };
    this.subscriptions.set(feedId, subscription);
    this.changed();
    try {
      subscription.handleId = await session.attach(VIDEOROOM);
      if (this.subscriptions.get(feedId) !== subscription) {
        session.detach(subscription.handleId);
        return;
      }
      const attached = await session.message(subscription.handleId, {
        request: 'join',
        ptype: 'subscriber',
        room: this.options.janus.roomId,
        streams: [{ feed: feedId }],
        ...(this.privateId !== undefined ? { private_id: this.privateId } : {}),
        token: this.options.janus.token,
      });
      await this.answerSubscription(subscription, attached);
    } catch {
      // Note: the feed left while we were subscribing, or the socket dropped (a rebuild subscribes again).
      if (this.subscriptions.get(feedId) === subscription) this.unsubscribe(feedId);
    }
  }

  /** Janus offers a subscriber's streams (on join, on an ICE restart, when the feed changes): answer with `start`. */
  private async answerSubscription(subscription: Subscription, result: JanusPluginResult): Promise<void> {
    const session = this.session;
    if (!result.jsep || result.jsep.type !== 'offer' || !session || subscription.handleId === null) return;
    if (this.subscriptions.get(subscription.feedId) !== subscription) return;
    const pc = subscription.pc ?? this.createSubscriberConnection(subscription);
    await pc.setRemoteDescription(result.jsep);
    await pc.setLocalDescription();
    await session.message(subscription.handleId, { request: 'start' }, pc.localDescription!.toJSON());
  }

  private createSubscriberConnection(subscription: Subscription): RTCPeerConnection {
    const pc = this.newPeerConnection();
    subscription.pc = pc;
    pc.onicecandidate = ({ candidate }) => {
      if (subscription.handleId !== null) this.session?.trickle(subscription.handleId, candidate?.toJSON() ?? null);
    };
    pc.ontrack = ({ track, streams }) => {
      subscription.stream = streams[0] ?? subscription.stream ?? new MediaStream();
      if (!subscription.stream.getTracks().includes(track)) subscription.stream.addTrack(track);
      this.changed();
    };
    pc.oniceconnectionstatechange = () => this.onSubscriberIceState(subscription);
    return pc;
  }

  private onSubscriberIceState(subscription: Subscription): void {
    const pc = subscription.pc;
    if (!pc) return;
    clearTimeout(subscription.restartTimer);
    const state = pc.iceConnectionState;
    if (state === 'connected' || state === 'completed') {
      subscription.state = 'connected';
      subscription.everConnected = true;
    } else if (state === 'disconnected') {
      subscription.state = subscription.everConnected ? 'reconnecting' : 'connecting';
      subscription.restartTimer = setTimeout(() => {
        if (pc.iceConnectionState === 'disconnected') void this.restartSubscription(subscription);
      }, DISCONNECTED_RESTART_MS);
    } else if (state === 'failed') {
      subscription.state = subscription.everConnected ? 'reconnecting' : 'connecting';
      void this.restartSubscription(subscription);
    }
    this.changed();
  }

  /** Janus makes the new offer (with fresh ICE credentials) for a subscriber: ask for it, answer it. */
  private async restartSubscription(subscription: Subscription): Promise<void> {
    const session = this.session;
    if (!session || subscription.handleId === null || !subscription.pc) return;
    try {
      const result = await session.message(subscription.handleId, { request: 'configure', restart: true });
      await this.answerSubscription(subscription, result);
    } catch {
      // Note: as for the publisher: the next claim or rebuild tries again.
    }
  }

  private unsubscribe(feedId: number): void {
    const subscription = this.subscriptions.get(feedId);
    if (!subscription) return;
    if (subscription.handleId !== null) this.session?.detach(subscription.handleId);
    this.dropSubscription(feedId);
    this.changed();
  }

  private dropSubscription(feedId: number): void {
    const subscription = this.subscriptions.get(feedId);
    if (!subscription) return;
    clearTimeout(subscription.restartTimer);
    if (subscription.pc) {
      subscription.pc.onicecandidate = null;
      subscription.pc.ontrack = null;
      subscription.pc.oniceconnectionstatechange = null;
      subscription.pc.close();
    }
    this.subscriptions.delete(feedId);
  }

  /** Events Janus sends without being asked: the room changed, a subscriber offer, Janus's ICE candidates. */
  private onEvent(message: JanusIncoming): void {
    if (this.closed) return;
    const sender = message.sender;
    const subscription = [...this.subscriptions.values()].find((s) => s.handleId === sender);
    if (message.janus === 'trickle' && message.candidate) {
      const pc = sender === this.publisher?.handleId ? this.publisher?.pc : subscription?.pc;
      if (pc && !message.candidate.completed) void pc.addIceCandidate(message.candidate).catch(() => undefined);
      return;
    }
    if (message.janus === 'hangup' && subscription) {
      // Note: Janus hangs a subscription up when its feed stops, but also when our side of it failed (a DTLS handshake
      // that timed out on a starved machine) while the feed goes on publishing: no publishers event comes for that one.
      this.unsubscribe(subscription.feedId);
      clearTimeout(this.resubscribeTimer);
      this.resubscribeTimer = setTimeout(() => void this.subscribeToPublishing(), RESUBSCRIBE_AFTER_HANGUP_MS);
      return;
    }
    if (message.janus !== 'event') return;
    const data = message.plugindata?.data ?? {};
    if (subscription) {
      if (message.jsep) void this.answerSubscription(subscription, { data, jsep: message.jsep }).catch(() => undefined);
      return;
    }
    if (sender !== this.publisher?.handleId) return;
    if (data.videoroom === 'destroyed') {
      this.options.onRefused(new JanusError(426, 'the room was destroyed'));
      return;
    }
    this.onPublishers(data.publishers);
    for (const key of ['leaving', 'unpublished', 'kicked'] as const) {
      const feedId = data[key];
      if (typeof feedId === 'number') this.unsubscribe(feedId);
    }
  }

  private subscriptionOf(peerId: string): Subscription | undefined {
    for (const subscription of this.subscriptions.values()) if (subscription.peerId === peerId) return subscription;
    return undefined;
  }

  private remote(info: PeerInfo, media: MediaState, subscription: Subscription | undefined): RemotePeer {
    return {
      ...info,
      stream: subscription?.stream ?? null,
      state: subscription?.state ?? 'connecting',
      quality: subscription?.quality ?? 'unknown',
      media,
      framesDecoded: subscription?.framesDecoded ?? 0,
    };
  }

  private useSimulcast(track: MediaStreamTrack): boolean {
    const wide = (track.getSettings?.().width ?? 0) >= SIMULCAST_MIN_WIDTH;
    return wide && (this.options.simulcast ?? isChromium());
  }

  private newPeerConnection(): RTCPeerConnection {
    return new RTCPeerConnection({ iceServers: this.options.janus.iceServers, bundlePolicy: 'max-bundle' });
  }

  private changed(): void {
    if (this.changeQueued) return;
    this.changeQueued = true;
    setTimeout(() => {
      this.changeQueued = false;
      if (!this.closed) this.options.onChange();
    }, 0);
  }

  private async sampleStats(): Promise<void> {
    let changed = false;
    for (const subscription of this.subscriptions.values()) {
      if (!subscription.pc) continue;
      try {
        const { sample, counters, framesDecoded } = sampleFromStats(await subscription.pc.getStats(), subscription.counters);
        subscription.counters = counters;
        const quality = subscription.state === 'connected' ? assessQuality(sample) : 'unknown';
        if (quality !== subscription.quality || (framesDecoded > 0) !== (subscription.framesDecoded > 0)) changed = true;
        subscription.quality = quality;
        subscription.framesDecoded = framesDecoded;
      } catch {
        // Note: a closing connection has no stats; the next tick sees it gone.
      }
    }
    if (changed) this.changed();
  }
}

function isChromium(): boolean {
  const brands = (navigator as Navigator & { userAgentData?: { brands?: Array<{ brand: string }> } }).userAgentData?.brands;
  return brands?.some((b) => b.brand === 'Chromium') ?? /Chrome\/\d+/.test(navigator.userAgent);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

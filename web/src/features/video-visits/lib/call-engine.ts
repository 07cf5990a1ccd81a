import type { VisitRole } from '../api/schemas';
import { assessQuality, sampleFromStats, type InboundCounters, type Quality } from './quality';

export interface PeerInfo {
  peerId: string;
  role: VisitRole;
  name: string;
  accountId: string;
}

export interface MediaState {
  audio: boolean;
  video: boolean;
  screen: boolean;
}

/** connecting: media not flowing yet; reconnecting: it was, and the network dropped (ICE restart under way). */
export type PeerState = 'connecting' | 'connected' | 'reconnecting';

export interface RemotePeer extends PeerInfo {
  stream: MediaStream | null;
  state: PeerState;
  quality: Quality;
  media: MediaState;
  framesDecoded: number;
}

/** What travels through the hub between two peers. */
export type SignalData =
  | { kind: 'description'; description: RTCSessionDescriptionInit }
  | { kind: 'candidate'; candidate: RTCIceCandidateInit | null }
  | { kind: 'media'; media: MediaState };

/** What the visit room needs of a call, whether media goes peer to peer (CallEngine) or through Janus (JanusEngine). */
export interface MediaEngine {
  media: MediaState;
  start(localStream: MediaStream | null): Promise<void>;
  warm(): void;
  peers(): RemotePeer[];
  /** `offer`: we are the newcomer (mesh only; Janus subscribes to whoever publishes). */
  addPeer(info: PeerInfo, offer: boolean): void;
  removePeer(peerId: string, reason: 'left' | 'disconnected'): void;
  handleSignal(fromPeerId: string, data: SignalData): Promise<void>;
  restartIce(): Promise<void>;
  recover(): Promise<void>;
  replaceTrack(track: MediaStreamTrack): Promise<void>;
  setLocalStream(stream: MediaStream | null): void;
  announceMedia(media: MediaState): Promise<void>;
  close(): void;
}

export interface CallEngineOptions {
  selfPeerId: string;
  /** Fresh ICE servers (TURN credentials expire): fetched at the start and before every ICE restart. */
  iceServers: () => Promise<RTCIceServer[]>;
  send: (toPeerId: string, data: SignalData) => Promise<void>;
  /** Something visible changed (a stream arrived, a state or the quality changed). */
  onChange: () => void;
  /** How long a participant whose connection dropped is waited for before they count as gone. */
  graceMs?: number;
  /** How long to wait for a newcomer's offer before offering ourselves. */
  offerFallbackMs?: number;
}

interface PeerLink {
  info: PeerInfo;
  pc: RTCPeerConnection;
  stream: MediaStream | null;
  state: PeerState;
  quality: Quality;
  media: MediaState;
  framesDecoded: number;
  counters: InboundCounters | null;
  polite: boolean;
  makingOffer: boolean;
  ignoreOffer: boolean;
  tracksAdded: boolean;
  /** A prepared connection is rolling back its own offer to answer theirs: that is no reason to offer. */
  answeringPrepared: boolean;
  everConnected: boolean;
  restartTimer?: ReturnType<typeof setTimeout>;
  goneTimer?: ReturnType<typeof setTimeout>;
  /** While media has never flowed: when to look again (see `watchFirstConnection`). */
  connectTimer?: ReturnType<typeof setTimeout>;
}

/** A peer connection made before anyone is known (see `warm`), with our tracks and a local offer under way. */
interface Spare {
  pc: RTCPeerConnection;
  stream: MediaStream | null;
  /** Settles once the local offer is set (ICE gathering starts then). */
  offer: Promise<void>;
  /** Every local track went in with addTrack (an answer can reuse the transceivers). */
  complete: boolean;
}

const DISCONNECTED_RESTART_MS = 2_000;
/** How long a new link may take to connect before negotiation is tried again (then twice that, then 4x, ...). */
const FIRST_CONNECTION_MS = 8_000;
const FIRST_CONNECTION_ATTEMPTS = 5;
const STATS_INTERVAL_MS = 1_000;

/**
 * A mesh of RTCPeerConnections, one per other participant (fine up to four people; see the README for an SFU beyond).
 * Negotiation follows the "perfect negotiation" pattern, so either side may (re)offer without glare: the newcomer
 * offers to everyone already in the call, and anyone may restart ICE when the network drops. Media never goes through
 * the server.
 */
export class CallEngine implements MediaEngine {
  private readonly links = new Map<string, PeerLink>();
  private readonly known = new Map<string, PeerInfo>();
  private iceServers: RTCIceServer[] = [];
  private localStream: MediaStream | null = null;
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private spare: Spare | null = null;
  private changeQueued = false;
  private closed = false;
  media: MediaState = { audio: true, video: true, screen: false };

  constructor(private readonly options: CallEngineOptions) {}

  async start(localStream: MediaStream | null): Promise<void> {
    this.localStream = localStream;
    this.iceServers = await this.options.iceServers().catch(() => []);
    this.statsTimer = setInterval(() => void this.sampleStats(), STATS_INTERVAL_MS);
  }

  /**
   * Before the call (the patient is still waiting): a peer connection with our tracks and a local offer, so the
   * certificate, the transports and ICE gathering are done before the admit. Nothing leaves this browser: the first
   * participant's link takes it over (`addPeer` sends the offer, with the candidates gathered so far, at once).
   * Warming again with another stream replaces it.
   */
  warm(): void {
    if (this.closed || (this.spare && this.spare.stream === this.localStream)) return;
    this.spare?.pc.close();
    const pc = this.newPeerConnection();
    const complete = this.addTracksTo(pc);
    const spare: Spare = { pc, stream: this.localStream, complete, offer: Promise.resolve() };
    spare.offer = pc.setLocalDescription().catch(() => {
      if (this.spare === spare) this.spare = null;
      pc.close();
    });
    this.spare = spare;
  }

  /** The participants, in the order they joined. */
  peers(): RemotePeer[] {
    return [...this.links.values()].map((link) => ({
      ...link.info,
      stream: link.stream,
      state: link.state,
      quality: link.quality,
      media: link.media,
      framesDecoded: link.framesDecoded,
    }));
  }

  /** Someone is (or came back) in the call: remember who they are; they will offer, or we do when `offer` is set. */
  addPeer(info: PeerInfo, offer: boolean): void {
    if (this.closed) return;
    this.known.set(info.peerId, info);
    const existing = this.links.get(info.peerId);
    if (existing) {
      // Note: the same browser came back after its signalling connection dropped. Keep the peer connection (media
      // may still be flowing) and let ICE restart if the path changed.
      existing.info = info;
      clearTimeout(existing.goneTimer);
      existing.goneTimer = undefined;
      return;
    }

    if (offer) {
      this.offerTo(info);
      return;
    }

    // Note: two people entering at the same moment may each miss the other in their EnterCall answer; then nobody would
    // offer. If no offer has come from them shortly, offer ourselves (perfect negotiation handles a crossing offer).
    setTimeout(() => {
      if (!this.closed && !this.links.has(info.peerId) && this.known.get(info.peerId) === info) this.offerTo(info);
    }, this.options.offerFallbackMs ?? 1_500);
  }

  /** A participant hung up (gone at once) or their connection dropped (waited for, then gone). */
  removePeer(peerId: string, reason: 'left' | 'disconnected'): void {
    const link = this.links.get(peerId);
    if (!link) return;
    if (reason === 'left') {
      this.dropLink(peerId);
      return;
    }

    link.state = 'reconnecting';
    clearTimeout(link.goneTimer);
    link.goneTimer = setTimeout(() => {
      if (link.pc.connectionState !== 'connected') this.dropLink(peerId);
    }, this.options.graceMs ?? 30_000);
    this.changed();
  }

  async handleSignal(fromPeerId: string, data: SignalData): Promise<void> {
    if (this.closed) return;
    let link = this.links.get(fromPeerId);
    if (data.kind === 'media') {
      if (link) {
        link.media = data.media;
        this.changed();
      }
      return;
    }

    if (data.kind === 'candidate') {
      if (!link) return;
      try {
        if (data.candidate) await link.pc.addIceCandidate(data.candidate);
      } catch (error) {
        if (!link.ignoreOffer) throw error;
      }
      return;
    }

    const description = data.description;
    let prepared = false;
    if (!link) {
      if (description.type !== 'offer') return;
      // Note: a prepared connection answers too: its own offer is rolled back and the offer's m-lines take the
      // transceivers addTrack made (only those are reused, so only when every local track went in that way). Nothing
      // is awaited before setRemoteDescription, so candidates that follow the offer queue behind it.
      const spare = this.takeSpare((s) => s.complete);
      link = this.createLink(this.known.get(fromPeerId) ?? { peerId: fromPeerId, role: 'Patient', name: '', accountId: '' }, spare?.pc);
      if (spare) {
        prepared = true;
        link.tracksAdded = true;
        link.answeringPrepared = true;
        void link.pc.setLocalDescription({ type: 'rollback' }).catch(() => undefined);
      }
    }

    const collision = !prepared && description.type === 'offer' && (link.makingOffer || link.pc.signalingState !== 'stable');
    link.ignoreOffer = !link.polite && collision;
    if (link.ignoreOffer) return;
    try {
      await link.pc.setRemoteDescription(description);
      if (description.type !== 'offer') return;
      // Note: tracks join the transceivers the offer created, so answering does not renegotiate.
      this.addLocalTracks(link);
      await link.pc.setLocalDescription();
    } finally {
      link.answeringPrepared = false;
    }
    await this.send(link, { kind: 'description', description: link.pc.localDescription!.toJSON() });
  }

  /** Restarts ICE with fresh servers (the network changed, or came back). */
  async restartIce(peerId?: string): Promise<void> {
    if (this.closed) return;
    this.iceServers = await this.options.iceServers().catch(() => this.iceServers);
    for (const link of this.links.values()) {
      if (peerId && link.info.peerId !== peerId) continue;
      link.pc.setConfiguration({ ...link.pc.getConfiguration(), iceServers: this.iceServers });
      link.pc.restartIce();
    }
  }

  /** After our own signalling reconnected: restart ICE where media is not flowing (both ends may have moved). */
  async recover(): Promise<void> {
    for (const link of this.links.values()) {
      if (link.pc.iceConnectionState !== 'connected' && link.pc.iceConnectionState !== 'completed') {
        await this.restartIce(link.info.peerId);
      }
    }
  }

  /** Swaps the camera (or screen) or the microphone track on every connection, without renegotiating. */
  async replaceTrack(track: MediaStreamTrack): Promise<void> {
    for (const link of this.links.values()) {
      const sender = link.pc.getSenders().find((s) => s.track?.kind === track.kind)
        ?? link.pc.getTransceivers().find((t) => t.receiver.track.kind === track.kind && t.sender.track === null)?.sender;
      await sender?.replaceTrack(track);
    }
  }

  setLocalStream(stream: MediaStream | null): void {
    this.localStream = stream;
  }

  /** Tells everyone whether our camera, microphone and screen share are on (so they show "camera off"). */
  async announceMedia(media: MediaState): Promise<void> {
    this.media = media;
    await Promise.all([...this.links.values()].map((link) => this.send(link, { kind: 'media', media })));
  }

  close(): void {
    this.closed = true;
    clearInterval(this.statsTimer);
    this.spare?.pc.close();
    this.spare = null;
    for (const peerId of [...this.links.keys()]) this.dropLink(peerId, false);
  }

  /**
   * Tells the page, once per task: a track or state event arrives in the middle of a negotiation step, and rendering
   * at once (in a microtask) would put the page's re-render before the answer or offer that finishes the step.
   */
  private changed(): void {
    if (this.changeQueued) return;
    this.changeQueued = true;
    setTimeout(() => {
      this.changeQueued = false;
      if (!this.closed) this.options.onChange();
    }, 0);
  }

  /** We offer to a participant: at once with the prepared connection's offer, else when negotiation is needed. */
  private offerTo(info: PeerInfo): void {
    const spare = this.takeSpare(() => true);
    const link = this.createLink(info, spare?.pc);
    if (!spare) {
      this.addLocalTracks(link);
      return;
    }

    link.tracksAdded = true;
    link.makingOffer = true;
    void spare.offer
      .then(async () => {
        // Note: unless their offer crossed ours and won (then we answer it instead).
        if (link.pc.signalingState === 'have-local-offer') await this.send(link, { kind: 'description', description: link.pc.localDescription!.toJSON() });
      })
      .finally(() => {
        link.makingOffer = false;
      });
  }

  /** The prepared connection, if it was made with the current stream and suits; it is used once either way. */
  private takeSpare(suits: (spare: Spare) => boolean): Spare | null {
    const spare = this.spare;
    this.spare = null;
    if (!spare) return null;
    if (spare.stream === this.localStream && spare.pc.signalingState !== 'closed' && suits(spare)) return spare;
    spare.pc.close();
    return null;
  }

  private newPeerConnection(): RTCPeerConnection {
    // Note: max-bundle gathers and checks one transport for audio and video, not one each until BUNDLE is agreed.
    return new RTCPeerConnection({ iceServers: this.iceServers, bundlePolicy: 'max-bundle' });
  }

  private createLink(info: PeerInfo, prepared?: RTCPeerConnection): PeerLink {
    const pc = prepared ?? this.newPeerConnection();
    const link: PeerLink = {
      info,
      pc,
      stream: null,
      state: 'connecting',
      quality: 'unknown',
      media: { audio: true, video: true, screen: false },
      framesDecoded: 0,
      counters: null,
      // Note: a fixed, shared rule decides who yields when both offer at once.
      polite: this.options.selfPeerId > info.peerId,
      makingOffer: false,
      ignoreOffer: false,
      tracksAdded: false,
      answeringPrepared: false,
      everConnected: false,
    };
    this.links.set(info.peerId, link);

    pc.onnegotiationneeded = async () => {
      if (link.answeringPrepared) return;
      try {
        link.makingOffer = true;
        await pc.setLocalDescription();
        await this.send(link, { kind: 'description', description: pc.localDescription!.toJSON() });
      } catch {
        // Note: a failed offer is retried by the next negotiationneeded (or ICE restart); nothing to show.
      } finally {
        link.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => void this.send(link, { kind: 'candidate', candidate: candidate?.toJSON() ?? null });
    pc.ontrack = ({ track, streams }) => {
      link.stream = streams[0] ?? link.stream ?? new MediaStream();
      if (!link.stream.getTracks().includes(track)) link.stream.addTrack(track);
      this.changed();
    };
    pc.oniceconnectionstatechange = () => this.onIceState(link);
    this.watchFirstConnection(link, 0);
    this.changed();
    return link;
  }

  /**
   * A new link that is still not connected after a while has lost a message on the way (an offer, an answer or the
   * candidates: a signalling reconnect, a rate limit, a crossing we did not foresee). Negotiate again: resend our
   * offer if it is still unanswered, else offer afresh with ICE restarted. Perfect negotiation makes this safe to do
   * from both ends at once; once media flows, the disconnected/failed handling takes over.
   */
  private watchFirstConnection(link: PeerLink, attempt: number): void {
    clearTimeout(link.connectTimer);
    if (attempt >= FIRST_CONNECTION_ATTEMPTS) return;
    link.connectTimer = setTimeout(() => {
      if (this.closed || this.links.get(link.info.peerId) !== link || link.everConnected) return;
      if (link.pc.signalingState === 'have-local-offer' && link.pc.localDescription) {
        void this.send(link, { kind: 'description', description: link.pc.localDescription.toJSON() });
      } else if (link.pc.signalingState === 'stable') {
        void this.restartIce(link.info.peerId);
      }
      this.watchFirstConnection(link, attempt + 1);
    }, FIRST_CONNECTION_MS * 2 ** attempt);
  }

  private onIceState(link: PeerLink): void {
    const state = link.pc.iceConnectionState;
    clearTimeout(link.restartTimer);
    if (state === 'connected' || state === 'completed') {
      link.state = 'connected';
      link.everConnected = true;
      clearTimeout(link.connectTimer);
      clearTimeout(link.goneTimer);
      link.goneTimer = undefined;
    } else if (state === 'disconnected') {
      link.state = link.everConnected ? 'reconnecting' : 'connecting';
      // Note: "disconnected" often heals by itself within a second or two; restart ICE if it does not.
      link.restartTimer = setTimeout(() => {
        if (link.pc.iceConnectionState === 'disconnected') void this.restartIce(link.info.peerId);
      }, DISCONNECTED_RESTART_MS);
    } else if (state === 'failed') {
      link.state = link.everConnected ? 'reconnecting' : 'connecting';
      void this.restartIce(link.info.peerId);
    }
    this.changed();
  }

  private addLocalTracks(link: PeerLink): void {
    if (link.tracksAdded) return;
    link.tracksAdded = true;
    this.addTracksTo(link.pc);
  }

  /** Adds our tracks; true when both kinds went in with addTrack (no receive-only transceiver was needed). */
  private addTracksTo(pc: RTCPeerConnection): boolean {
    const tracks = this.localStream?.getTracks() ?? [];
    for (const track of tracks) pc.addTrack(track, this.localStream!);
    let complete = true;
    // Note: without a camera or microphone, still receive the others' media.
    for (const kind of ['audio', 'video'] as const) {
      if (!tracks.some((t) => t.kind === kind)) {
        complete = false;
        if (!pc.getTransceivers().some((t) => t.receiver.track.kind === kind)) pc.addTransceiver(kind, { direction: 'recvonly' });
      }
    }
    return complete;
  }

  private async send(link: PeerLink, data: SignalData): Promise<void> {
    try {
      await this.options.send(link.info.peerId, data);
    } catch {
      // Note: the signalling connection is down; the ICE restart after it reconnects renegotiates.
    }
  }

  private dropLink(peerId: string, notify = true): void {
    const link = this.links.get(peerId);
    if (!link) return;
    clearTimeout(link.restartTimer);
    clearTimeout(link.goneTimer);
    clearTimeout(link.connectTimer);
    link.pc.onnegotiationneeded = null;
    link.pc.onicecandidate = null;
    link.pc.ontrack = null;
    link.pc.oniceconnectionstatechange = null;
    link.pc.close();
    this.links.delete(peerId);
    if (notify) this.changed();
  }

  private async sampleStats(): Promise<void> {
    let changed = false;
    for (const link of this.links.values()) {
      try {
        const { sample, counters, framesDecoded } = sampleFromStats(await link.pc.getStats(), link.counters);
        link.counters = counters;
        const quality = link.state === 'connected' ? assessQuality(sample) : 'unknown';
        if (quality !== link.quality || (framesDecoded > 0) !== (link.framesDecoded > 0)) changed = true;
        link.quality = quality;
        link.framesDecoded = framesDecoded;
      } catch {
        // Note: a closing connection has no stats; the next tick sees it gone.
      }
    }
    if (changed) this.changed();
  }
}

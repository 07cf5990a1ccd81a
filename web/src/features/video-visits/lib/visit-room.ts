import type { HubConnection } from '@microsoft/signalr';
import { z } from 'zod';
import { getIceServers } from '../api/get-ice-servers';
import { messageSchema, visitRoleSchema, visitStatusSchema, type VisitMessage, type VisitRole, type VisitStatus } from '../api/schemas';
import { CallEngine, type MediaEngine, type MediaState, type PeerInfo, type RemotePeer, type SignalData } from './call-engine';
import { hubErrorCode } from './hub-errors';
import { JanusEngine, type JanusCall } from './janus-engine';
import { visitHubTransport } from './visit-hub';

const peerSchema = z.object({ peerId: z.string(), role: visitRoleSchema, name: z.string(), accountId: z.string() });
const roomSnapshotSchema = z.object({ visitId: z.string(), role: visitRoleSchema, status: visitStatusSchema, peersInCall: z.array(peerSchema), guestAdmitted: z.boolean().optional() });
const iceServerSchema = z
  .object({ urls: z.union([z.string(), z.array(z.string())]), username: z.string().nullish(), credential: z.string().nullish() })
  .transform(({ urls, username, credential }): RTCIceServer => ({ urls, ...(username ? { username } : {}), ...(credential ? { credential } : {}) }));
/** Janus mode: where this browser sends and receives its media (null: peer to peer through the hub's Signal). */
const janusSchema = z.object({ url: z.string(), roomId: z.number(), token: z.string(), feedId: z.number(), iceServers: z.array(iceServerSchema).default([]) });
const callSnapshotSchema = z.object({ self: peerSchema, peers: z.array(peerSchema), janus: janusSchema.nullish() });
const peerJoinedSchema = z.object({ visitId: z.string(), peer: peerSchema });
const peerLeftSchema = z.object({ visitId: z.string(), peerId: z.string(), reason: z.enum(['left', 'disconnected']) });
const signalSchema = z.object({ visitId: z.string(), fromPeerId: z.string(), data: z.unknown() });
const visitUpdatedSchema = z.object({ visitId: z.string(), status: visitStatusSchema });
const queueMovedSchema = z.object({ visitId: z.string() });
const guestsChangedSchema = z.object({ visitId: z.string() });
const imageSharedSchema = z.object({
  visitId: z.string(),
  patientId: z.string(),
  studyInstanceUid: z.string(),
  seriesInstanceUid: z.string(),
  sopInstanceUid: z.string(),
  frame: z.number().int().positive(),
  sharedByRole: z.string(),
  sharedAt: z.string(),
});

/** An image of the patient's study the doctor shows in the call: a reference; the patient's side fetches the frame. */
export type SharedImage = z.infer<typeof imageSharedSchema>;
/** What a doctor shares: one frame of one instance of the visit patient's study. */
export type ImageReference = Pick<SharedImage, 'studyInstanceUid' | 'seriesInstanceUid' | 'sopInstanceUid' | 'frame'>;

/** connecting: first attempt; reconnecting: the signalling connection dropped and SignalR is bringing it back. */
export type HubState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface RoomState {
  hub: HubState;
  /** A refusal code from the hub (not_found, visit_finished, identity_check_required, call_full, ...). */
  refused: string | null;
  role: VisitRole | null;
  status: VisitStatus | null;
  inCall: boolean;
  peers: RemotePeer[];
  /** Names of people who hung up, newest last (the call page says so). */
  departed: string[];
  /** The image the doctor last shared into the call (until this side closes it). */
  sharedImage: SharedImage | null;
  /** For a guest: the doctor has let them in (they enter the call once the visit is in progress). */
  guestAdmitted: boolean;
}

export interface RoomCallbacks {
  onVisitUpdated: (status: VisitStatus) => void;
  onChat: (message: VisitMessage) => void;
  /** Someone else joined or left the doctor's queue: the waiting room's place is out of date. */
  onQueueMoved?: () => void;
  /** A guest was invited, arrived, was admitted or revoked: the doctor's guest list is out of date. */
  onGuestsChanged?: () => void;
  /** Recording started or stopped (or who has not consented changed): the indicator is out of date. */
  onRecordingChanged?: () => void;
}

/**
 * One visit room as this browser sees it: the signalling hub connection (joined on open, re-joined after every
 * reconnect), and once in the call, the mesh of peer connections. The page renders `state` and calls the actions.
 */
export class VisitRoom {
  readonly peerId = crypto.randomUUID();
  state: RoomState = { hub: 'connecting', refused: null, role: null, status: null, inCall: false, peers: [], departed: [], sharedImage: null, guestAdmitted: false };
  private hub: HubConnection | null = null;
  private engine: MediaEngine | null = null;
  /** The Janus room, token and feed this browser was given (Janus mode), to see whether a re-entry changed them. */
  private janus: JanusCall | null = null;
  /** The camera and microphone the call was entered with (or switched to): a Janus re-entry publishes it again. */
  private stream: MediaStream | null = null;
  /** Made while the patient waits (see prepareCall); entering the call takes it over. */
  private prepared: { engine: CallEngine; started: Promise<void>; stream: MediaStream | null } | null = null;
  private readonly listeners = new Set<() => void>();
  private disposed = false;
  private entering: Promise<void> | null = null;
  /** Fetched when the room opens, so joining the call does not wait for it (TURN credentials last hours). */
  private iceServers: Promise<RTCIceServer[]> | null = null;
  private readonly onOnline = (): void => void this.engine?.restartIce();

  constructor(
    readonly visitId: string,
    private readonly callbacks: RoomCallbacks,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): RoomState => this.state;

  async open(): Promise<void> {
    const hub = await visitHubTransport.create();
    if (this.disposed) return;
    this.hub = hub;
    hub.on('visitUpdated', (payload: unknown) => {
      const event = visitUpdatedSchema.safeParse(payload);
      if (!event.success || event.data.visitId !== this.visitId) return;
      this.update({ status: event.data.status });
      // Note: a prepared browser enters the call the moment the admit reaches it, without waiting for the page.
      if (event.data.status === 'InProgress' && this.prepared) void this.enterCall(this.prepared.stream);
      this.callbacks.onVisitUpdated(event.data.status);
    });
    hub.on('queueMoved', (payload: unknown) => {
      const event = queueMovedSchema.safeParse(payload);
      if (event.success && event.data.visitId === this.visitId) this.callbacks.onQueueMoved?.();
    });
    hub.on('guestsChanged', (payload: unknown) => {
      const event = guestsChangedSchema.safeParse(payload);
      if (!event.success || event.data.visitId !== this.visitId) return;
      this.callbacks.onGuestsChanged?.();
      // Note: a guest learns from the room whether they were let in (or their link withdrawn: the room refuses them).
      if (this.state.role === 'Guest') void this.join().catch((error: unknown) => this.update({ refused: hubErrorCode(error) ?? 'unavailable' }));
    });
    hub.on('chat', (payload: unknown) => {
      const message = messageSchema.safeParse(payload);
      if (message.success && message.data.visitId === this.visitId) this.callbacks.onChat(message.data);
    });
    hub.on('peerJoined', (payload: unknown) => {
      const event = peerJoinedSchema.safeParse(payload);
      // Note: the newcomer offers; the engine offers itself only if no offer arrives (both entered at the same moment).
      // Heard while our own entry is still on its way too: their snapshot may have been taken before we were in, and
      // ours before they were, so this event is the only news of them.
      if (event.success && event.data.visitId === this.visitId) this.engine?.addPeer(event.data.peer, false);
    });
    hub.on('peerLeft', (payload: unknown) => {
      const event = peerLeftSchema.safeParse(payload);
      if (!event.success || event.data.visitId !== this.visitId) return;
      const name = this.state.peers.find((p) => p.peerId === event.data.peerId)?.name;
      this.engine?.removePeer(event.data.peerId, event.data.reason);
      if (event.data.reason === 'left' && name !== undefined) this.update({ departed: [...this.state.departed, name] });
    });
    hub.on('signal', (payload: unknown) => {
      const event = signalSchema.safeParse(payload);
      if (event.success && event.data.visitId === this.visitId) void this.engine?.handleSignal(event.data.fromPeerId, event.data.data as SignalData);
    });
    hub.on('recordingChanged', (payload: unknown) => {
      const event = queueMovedSchema.safeParse(payload);
      if (event.success && event.data.visitId === this.visitId) this.callbacks.onRecordingChanged?.();
    });
    hub.on('imageShared', (payload: unknown) => {
      const event = imageSharedSchema.safeParse(payload);
      if (event.success && event.data.visitId === this.visitId) this.update({ sharedImage: event.data });
    });
    hub.onreconnecting(() => this.update({ hub: 'reconnecting' }));
    hub.onreconnected(() => void this.rejoin());
    hub.onclose(() => this.update({ hub: 'closed' }));
    window.addEventListener('online', this.onOnline);

    this.iceServers = getIceServers().catch(() => []);
    try {
      await hub.start();
      await this.join();
    } catch (error) {
      this.update({ hub: 'closed', refused: hubErrorCode(error) ?? 'unavailable' });
    }
  }

  /**
   * While the patient waits: make the call's peer connection now (ICE servers, certificate, our tracks, ICE gathering),
   * so that after the admit only the offer and answer remain. Local only: nothing is signalled before `enterCall`, and
   * the hub still lets nobody into the call before the admit. Calling it again with another stream re-prepares.
   */
  prepareCall(localStream: MediaStream | null): void {
    if (!this.hub || this.disposed || this.state.inCall || this.entering) return;
    this.prepared ??= ((engine) => ({ engine, started: engine.start(localStream), stream: localStream }))(this.createEngine());
    this.prepared.stream = localStream;
    const { engine, started } = this.prepared;
    void started.then(() => {
      engine.setLocalStream(localStream);
      engine.warm();
    });
  }

  /** Joins the call (after the patient is admitted) with this browser's camera and microphone, if any. */
  enterCall(localStream: MediaStream | null): Promise<void> {
    // Note: pages call this from effects that may run again before the first attempt has finished.
    if (!this.hub || this.state.inCall) return Promise.resolve();
    this.entering ??= this.enter(localStream, 'EnterCall').finally(() => {
      this.entering = null;
    });
    return this.entering;
  }

  /**
   * The doctor admits the waiting patient and joins the call in one step through the hub, so the patient's browser
   * finds the doctor in the call and offers at once. Rejects (the room stays as it was) if the hub refused.
   */
  admitAndEnterCall(localStream: MediaStream | null): Promise<void> {
    if (!this.hub || this.state.inCall || this.entering) return Promise.reject(new Error('Visit room: not ready to admit.'));
    const admitting = this.enter(localStream, 'AdmitAndEnterCall');
    this.entering = admitting.catch(() => undefined).finally(() => {
      this.entering = null;
    });
    return admitting;
  }

  private async enter(localStream: MediaStream | null, method: 'EnterCall' | 'AdmitAndEnterCall'): Promise<void> {
    this.stream = localStream;
    this.engine?.close();
    const prepared = this.prepared;
    this.prepared = null;
    const engine = prepared?.engine ?? this.createEngine();
    this.engine = engine;
    if (prepared) {
      await prepared.started;
      // Note: a different stream than the prepared one (a device switch) makes the engine drop its prepared connection.
      engine.setLocalStream(localStream);
    } else {
      await engine.start(localStream);
    }
    const hub = this.hub!;
    try {
      const call = callSnapshotSchema.parse(await hub.invoke(method, this.visitId, this.peerId));
      this.update({ inCall: true, refused: null });
      if (call.janus) {
        // Note: media goes through Janus: the mesh engine (and its prepared connection) is not needed.
        engine.close();
        this.useJanus(call.janus, call.peers, localStream);
        return;
      }
      for (const peer of call.peers) engine.addPeer(peer, true);
    } catch (error) {
      this.engine = null;
      if (method === 'AdmitAndEnterCall') {
        // Note: nothing changed on the server; keep the prepared connection for the next try.
        if (prepared && !this.prepared && !this.disposed) this.prepared = prepared;
        else engine.close();
        throw error;
      }
      engine.close();
      this.update({ refused: hubErrorCode(error) ?? 'unavailable' });
    }
  }

  /** Switches this call to Janus with the snapshot's room and token; the participants already known stay. */
  private useJanus(janus: JanusCall, peers: PeerInfo[], localStream: MediaStream | null): void {
    const previous = this.engine;
    const known = previous?.peers().filter((p) => p.name !== '') ?? [];
    previous?.close();
    this.janus = janus;
    const engine: JanusEngine = new JanusEngine({
      selfPeerId: this.peerId,
      janus,
      send: (to, data) => this.hub?.invoke('Signal', this.visitId, to, data) ?? Promise.resolve(),
      onChange: () => this.update({ peers: engine.peers() }),
      onRefused: () => {
        if (this.engine !== engine) return;
        engine.close();
        this.engine = null;
        this.update({ inCall: false, peers: [], refused: 'unavailable' });
      },
    });
    this.engine = engine;
    for (const peer of [...known, ...peers]) engine.addPeer(peer);
    void engine.start(localStream).catch(() => undefined);
  }

  private createEngine(): CallEngine {
    const hub = this.hub!;
    const engine: CallEngine = new CallEngine({
      selfPeerId: this.peerId,
      iceServers: () => {
        // Note: the first call uses the servers fetched on open; restarts fetch fresh credentials.
        const prefetched = this.iceServers;
        this.iceServers = null;
        return prefetched ?? getIceServers();
      },
      send: (to, data) => hub.invoke('Signal', this.visitId, to, data),
      onChange: () => this.update({ peers: engine.peers() }),
    });
    return engine;
  }

  /** The doctor shows the others in the call this image (the hub checks they are a clinician in the call). */
  async shareImage(image: ImageReference): Promise<void> {
    if (!this.hub) throw new Error('Visit room: not open.');
    await this.hub.invoke('ShareImage', this.visitId, image.studyInstanceUid, image.seriesInstanceUid, image.sopInstanceUid, image.frame);
  }

  /** This side closes the shared image (the doctor's next share shows again). */
  dismissSharedImage(): void {
    this.update({ sharedImage: null });
  }

  async leaveCall(): Promise<void> {
    this.engine?.close();
    this.engine = null;
    this.update({ inCall: false, peers: [] });
    await this.hub?.invoke('LeaveCall', this.visitId).catch(() => undefined);
  }

  replaceTrack(track: MediaStreamTrack): Promise<void> {
    return this.engine?.replaceTrack(track) ?? Promise.resolve();
  }

  setLocalStream(stream: MediaStream | null): void {
    this.stream = stream;
    this.engine?.setLocalStream(stream);
  }

  announceMedia(media: MediaState): Promise<void> {
    return this.engine?.announceMedia(media) ?? Promise.resolve();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    window.removeEventListener('online', this.onOnline);
    this.prepared?.engine.close();
    this.prepared = null;
    this.engine?.close();
    this.engine = null;
    await this.hub?.stop().catch(() => undefined);
  }

  private async join(): Promise<void> {
    const room = roomSnapshotSchema.parse(await this.hub!.invoke('JoinVisit', this.visitId));
    this.update({ hub: 'connected', role: room.role, status: room.status, guestAdmitted: room.guestAdmitted ?? false });
  }

  /** Back after a signalling drop (a new connection): join the room and the call again under the same peer id. */
  private async rejoin(): Promise<void> {
    try {
      await this.join();
      if (this.state.inCall && this.engine) {
        const call = callSnapshotSchema.parse(await this.hub!.invoke('EnterCall', this.visitId, this.peerId));
        if (call.janus) {
          // Note: the API kicked our feed and revoked its token when the hub connection dropped: publish again with
          // the new one (a snapshot with the same token and feed means nothing changed on the Janus side).
          if (!this.janus || call.janus.token !== this.janus.token || call.janus.feedId !== this.janus.feedId) {
            this.useJanus(call.janus, call.peers, this.stream);
          } else {
            for (const peer of call.peers) this.engine.addPeer(peer, false);
            await this.engine.recover();
          }
          return;
        }
        const known = new Set(this.engine.peers().map((p) => p.peerId));
        for (const peer of call.peers) this.engine.addPeer(peer, !known.has(peer.peerId));
        await this.engine.recover();
      }
    } catch (error) {
      this.update({ refused: hubErrorCode(error) ?? this.state.refused });
    }
  }

  private update(patch: Partial<RoomState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
}

export type { PeerInfo, RemotePeer, MediaState };

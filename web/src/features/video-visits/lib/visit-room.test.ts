import type { HubConnection } from '@microsoft/signalr';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { visitHubTransport } from './visit-hub';
import { VisitRoom } from './visit-room';

vi.mock('../api/get-ice-servers', () => ({ getIceServers: async () => [] }));

/** A signalling hub the test drives: it records invocations, answers some at once and holds EnterCall until told. */
class FakeHub {
  readonly handlers = new Map<string, (payload: unknown) => void>();
  readonly invoked: Array<{ method: string; args: unknown[] }> = [];
  enterCall: { resolve: (value: unknown) => void } | null = null;

  on(name: string, handler: (payload: unknown) => void): void {
    this.handlers.set(name, handler);
  }

  onreconnecting(): void {}
  onreconnected(): void {}
  onclose(): void {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  invoke(method: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ method, args });
    if (method === 'JoinVisit') return Promise.resolve({ visitId: VISIT, role: 'Patient', status: 'InProgress', peersInCall: [] });
    if (method === 'EnterCall') return new Promise((resolve) => (this.enterCall = { resolve }));
    return Promise.resolve(undefined);
  }

  emit(name: string, payload: unknown): void {
    this.handlers.get(name)?.(payload);
  }
}

/** Enough of RTCPeerConnection for a link to be made and to offer. */
class FakePeerConnection {
  signalingState: RTCSignalingState = 'stable';
  iceConnectionState: RTCIceConnectionState = 'new';
  localDescription: { toJSON: () => RTCSessionDescriptionInit } | null = null;
  onnegotiationneeded: (() => void) | null = null;
  addTrack(): void {}
  addTransceiver(): void {}
  getTransceivers(): unknown[] {
    return [];
  }
  async setLocalDescription(): Promise<void> {
    this.signalingState = 'have-local-offer';
    this.localDescription = { toJSON: () => ({ type: 'offer', sdp: 'our offer' }) };
  }
  async getStats(): Promise<Map<string, unknown>> {
    return new Map();
  }
  close(): void {
    this.signalingState = 'closed';
  }
}

const VISIT = 'visit-1';
const doctor = { peerId: 'doctor-peer', role: 'Doctor', name: '李伟', accountId: 'd' };

describe('the visit room', () => {
  let hub: FakeHub;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
    hub = new FakeHub();
    vi.spyOn(visitHubTransport, 'create').mockResolvedValue(hub as unknown as HubConnection);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('does not lose someone who entered the call while our own entry was on its way', async () => {
    const room = new VisitRoom(VISIT, { onVisitUpdated: () => undefined, onChat: () => undefined });
    await room.open();
    const entering = room.enterCall(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.enterCall).not.toBeNull();

    // Their snapshot was taken before we were in, ours before they were: the event is all we hear of them.
    hub.emit('peerJoined', { visitId: VISIT, peer: doctor });
    hub.enterCall!.resolve({ self: { peerId: room.peerId, role: 'Patient', name: '张伟', accountId: 'p' }, peers: [] });
    await entering;
    expect(room.state.inCall).toBe(true);

    // No offer from them: we offer ourselves.
    await vi.advanceTimersByTimeAsync(1_600);
    expect(room.state.peers.map((p) => p.name)).toEqual(['李伟']);
    await room.dispose();
  });

  it('sends its media through Janus when the snapshot says so: a socket to Janus, no offer through the hub', async () => {
    const sockets: Array<{ url: string; protocol: string }> = [];
    vi.stubGlobal(
      'WebSocket',
      class {
        static readonly OPEN = 1;
        readyState = 0;
        constructor(url: string, protocol: string) {
          sockets.push({ url, protocol });
        }
        send(): void {}
        close(): void {}
      },
    );
    const room = new VisitRoom(VISIT, { onVisitUpdated: () => undefined, onChat: () => undefined });
    await room.open();
    const entering = room.enterCall(null);
    await vi.advanceTimersByTimeAsync(0);
    hub.enterCall!.resolve({
      self: { peerId: room.peerId, role: 'Patient', name: '张伟', accountId: 'p' },
      peers: [doctor],
      janus: { url: 'ws://127.0.0.1:8188', roomId: 7, token: 'tok', feedId: 9, iceServers: [{ urls: ['turn:turn.example:3478'], username: 'u', credential: 'c' }] },
    });
    await entering;
    await vi.advanceTimersByTimeAsync(2_000);

    expect(sockets).toEqual([{ url: 'ws://127.0.0.1:8188', protocol: 'janus-protocol' }]);
    expect(room.state.peers.map((p) => p.name)).toEqual(['李伟']);
    expect(hub.invoked.filter((i) => i.method === 'Signal')).toEqual([]);
    await room.dispose();
  });

  it('shows the image the doctor shared into this visit until closed, and sends a share as a reference through the hub', async () => {
    const room = new VisitRoom(VISIT, { onVisitUpdated: () => undefined, onChat: () => undefined });
    await room.open();
    const image = { patientId: 'p1', studyInstanceUid: '1.2.3', seriesInstanceUid: '1.2.3.4', sopInstanceUid: '1.2.3.4.5', frame: 1, sharedByRole: 'Doctor', sharedAt: '2026-12-06T08:00:00Z' };

    // Another visit's share, or a malformed one, shows nothing.
    hub.emit('imageShared', { ...image, visitId: 'another-visit' });
    hub.emit('imageShared', { visitId: VISIT, frame: 1 });
    expect(room.state.sharedImage).toBeNull();

    hub.emit('imageShared', { ...image, visitId: VISIT });
    expect(room.state.sharedImage).toMatchObject({ sopInstanceUid: '1.2.3.4.5', patientId: 'p1' });
    room.dismissSharedImage();
    expect(room.state.sharedImage).toBeNull();

    await room.shareImage({ studyInstanceUid: '1.2.3', seriesInstanceUid: '1.2.3.4', sopInstanceUid: '1.2.3.4.6', frame: 2 });
    expect(hub.invoked.at(-1)).toEqual({ method: 'ShareImage', args: [VISIT, '1.2.3', '1.2.3.4', '1.2.3.4.6', 2] });
    await room.dispose();
  });
});

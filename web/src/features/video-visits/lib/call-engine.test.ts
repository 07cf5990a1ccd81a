import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallEngine, type PeerInfo, type SignalData } from './call-engine';

/** Just enough of RTCPeerConnection to follow the signalling states (jsdom has no WebRTC). */
class FakePeerConnection {
  static created: FakePeerConnection[] = [];
  signalingState: RTCSignalingState = 'stable';
  localDescription: { type: RTCSdpType; sdp: string; toJSON: () => RTCSessionDescriptionInit } | null = null;
  readonly calls: string[] = [];
  readonly transceivers: Array<{ kind: string; addedBy: 'addTrack' | 'addTransceiver' }> = [];
  onnegotiationneeded: (() => void) | null = null;
  onicecandidate: ((event: { candidate: null }) => void) | null = null;
  ontrack: unknown = null;
  oniceconnectionstatechange: (() => void) | null = null;
  iceConnectionState: RTCIceConnectionState = 'new';

  constructor(readonly configuration: RTCConfiguration) {
    FakePeerConnection.created.push(this);
  }

  addTrack(track: MediaStreamTrack): void {
    this.calls.push(`addTrack:${track.kind}`);
    this.transceivers.push({ kind: track.kind, addedBy: 'addTrack' });
  }

  addTransceiver(kind: string): void {
    this.transceivers.push({ kind, addedBy: 'addTransceiver' });
  }

  getTransceivers(): Array<{ receiver: { track: { kind: string } } }> {
    return this.transceivers.map((t) => ({ receiver: { track: { kind: t.kind } } }));
  }

  async setLocalDescription(description?: { type: 'rollback' }): Promise<void> {
    if (description?.type === 'rollback') {
      this.calls.push('rollback');
      this.signalingState = 'stable';
      this.localDescription = null;
      return;
    }
    const type: RTCSdpType = this.signalingState === 'have-remote-offer' ? 'answer' : 'offer';
    this.calls.push(`local:${type}`);
    this.signalingState = type === 'offer' ? 'have-local-offer' : 'stable';
    const sdp = `${type} ${FakePeerConnection.created.indexOf(this)}`;
    this.localDescription = { type, sdp, toJSON: () => ({ type, sdp }) };
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    this.calls.push(`remote:${description.type}`);
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable';
  }

  async addIceCandidate(): Promise<void> {}

  getConfiguration(): RTCConfiguration {
    return this.configuration;
  }

  setConfiguration(): void {}

  restartIce(): void {
    this.calls.push('restartIce');
  }

  async getStats(): Promise<RTCStatsReport> {
    return new Map();
  }

  close(): void {
    this.calls.push('close');
    this.signalingState = 'closed';
  }
}

const doctor: PeerInfo = { peerId: 'b-doctor', role: 'Doctor', name: '李伟', accountId: 'd' };

function cameraAndMicrophone(): MediaStream {
  const tracks = [{ kind: 'audio' }, { kind: 'video' }] as MediaStreamTrack[];
  return { getTracks: () => tracks } as unknown as MediaStream;
}

async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

describe('the call engine', () => {
  let sent: Array<{ to: string; data: SignalData }>;
  let engine: CallEngine;

  beforeEach(() => {
    vi.useFakeTimers();
    FakePeerConnection.created = [];
    vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
    sent = [];
    engine = new CallEngine({
      selfPeerId: 'a-patient',
      iceServers: async () => [],
      send: async (to, data) => {
        sent.push({ to, data });
      },
      onChange: () => undefined,
    });
  });

  afterEach(() => {
    engine.close();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('prepares a connection with our tracks and an offer while waiting, and signals nothing until someone is in the call', async () => {
    await engine.start(cameraAndMicrophone());
    engine.warm();
    await settle();

    expect(FakePeerConnection.created).toHaveLength(1);
    expect(FakePeerConnection.created[0]!.calls).toEqual(['addTrack:audio', 'addTrack:video', 'local:offer']);
    expect(FakePeerConnection.created[0]!.configuration.bundlePolicy).toBe('max-bundle');
    expect(sent).toEqual([]);
  });

  it('sends the prepared offer at once to the first participant it offers to', async () => {
    await engine.start(cameraAndMicrophone());
    engine.warm();
    await settle();

    engine.addPeer(doctor, true);
    await settle();

    expect(FakePeerConnection.created).toHaveLength(1);
    expect(sent).toEqual([{ to: 'b-doctor', data: { kind: 'description', description: { type: 'offer', sdp: 'offer 0' } } }]);
  });

  it('answers an offer with the prepared connection, rolling its own offer back instead of offering too', async () => {
    await engine.start(cameraAndMicrophone());
    engine.addPeer(doctor, false);
    engine.warm();
    await settle();

    await engine.handleSignal('b-doctor', { kind: 'description', description: { type: 'offer', sdp: 'their offer' } });
    await settle();

    expect(FakePeerConnection.created).toHaveLength(1);
    expect(FakePeerConnection.created[0]!.calls).toEqual(['addTrack:audio', 'addTrack:video', 'local:offer', 'rollback', 'remote:offer', 'local:answer']);
    expect(sent).toEqual([{ to: 'b-doctor', data: { kind: 'description', description: { type: 'answer', sdp: 'answer 0' } } }]);
  });

  it('drops the prepared connection when the camera or microphone changed since', async () => {
    await engine.start(cameraAndMicrophone());
    engine.warm();
    await settle();

    engine.setLocalStream(cameraAndMicrophone());
    engine.addPeer(doctor, true);
    await settle();

    expect(FakePeerConnection.created).toHaveLength(2);
    expect(FakePeerConnection.created[0]!.signalingState).toBe('closed');
    // Note: the fresh connection offers when negotiation is needed (the browser fires the event; here we do).
    FakePeerConnection.created[1]!.onnegotiationneeded?.();
    await settle();
    expect(sent).toEqual([{ to: 'b-doctor', data: { kind: 'description', description: { type: 'offer', sdp: 'offer 1' } } }]);
  });

  it('sends its offer again when no answer came (a message lost on the way), then keeps trying less often', async () => {
    await engine.start(cameraAndMicrophone());
    engine.warm();
    await settle();
    engine.addPeer(doctor, true);
    await settle();
    const offer = { to: 'b-doctor', data: { kind: 'description', description: { type: 'offer', sdp: 'offer 0' } } };

    await vi.advanceTimersByTimeAsync(7_999);
    expect(sent).toEqual([offer]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([offer, offer]);
    await vi.advanceTimersByTimeAsync(16_000);
    expect(sent).toEqual([offer, offer, offer]);
  });

  it('restarts ICE when the answer came but media never flowed, and stops watching once it does', async () => {
    await engine.start(cameraAndMicrophone());
    engine.addPeer(doctor, true);
    const pc = FakePeerConnection.created[0]!;
    pc.onnegotiationneeded?.();
    await settle();
    await engine.handleSignal('b-doctor', { kind: 'description', description: { type: 'answer', sdp: 'their answer' } });
    pc.iceConnectionState = 'checking';

    await vi.advanceTimersByTimeAsync(8_000);
    expect(pc.calls.filter((c) => c === 'restartIce')).toHaveLength(1);

    pc.iceConnectionState = 'connected';
    pc.oniceconnectionstatechange?.();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(pc.calls.filter((c) => c === 'restartIce')).toHaveLength(1);
  });
});

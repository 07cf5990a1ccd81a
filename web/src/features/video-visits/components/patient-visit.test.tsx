import type { HubConnection } from '@microsoft/signalr';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';
import { visitHubTransport } from '../lib/visit-hub';

vi.mock('../api/get-ice-servers', () => ({ getIceServers: async () => [] }));

/** Enough of RTCPeerConnection for the waiting room to warm up the call's connection. */
class FakePeerConnection {
  signalingState = 'stable';
  addTransceiver(): void {}
  addTrack(): void {}
  getTransceivers(): unknown[] {
    return [];
  }
  async createOffer(): Promise<RTCSessionDescriptionInit> {
    return { type: 'offer', sdp: '' };
  }
  async setLocalDescription(): Promise<void> {}
  close(): void {}
}

/** The visit room's signalling hub: the test plays the server's events. */
class FakeHub {
  readonly handlers = new Map<string, (payload: unknown) => void>();
  on(name: string, handler: (payload: unknown) => void): void {
    this.handlers.set(name, handler);
  }
  onreconnecting(): void {}
  onreconnected(): void {}
  onclose(): void {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  invoke(method: string): Promise<unknown> {
    return Promise.resolve(method === 'JoinVisit' ? { visitId: 'v1', role: 'Patient', status: 'Waiting', peersInCall: [] } : undefined);
  }
  emit(name: string, payload: unknown): void {
    act(() => this.handlers.get(name)?.(payload));
  }
}

const doctor = { doctorId: 'd1', name: '李伟', title: '主任医师', titleEn: 'Chief Physician', departmentId: 'dep1', department: '心血管内科', departmentEn: 'Cardiology' };
const waitingRoom = (patientsAhead: number): object => ({
  appointmentId: 'v1', start: '2026-12-01T01:30:00Z', end: '2026-12-01T01:45:00Z', appointmentStatus: 'CheckedIn', doctor,
  checkInOpensAt: '2026-12-01T01:15:00Z', canCheckIn: false, visitStatus: 'Waiting', checkedInAt: '2026-12-01T01:20:00Z',
  doctorStatus: 'Ready', queuePosition: patientsAhead + 1, patientsAhead, minutesLate: 0,
});

describe('the waiting room', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it.each([
    ['zh-CN', '视频复诊', '您是下一位。', '您前面还有1位患者。'],
    ['en', 'Video visit', 'You are next.', 'There is 1 patient before you.'],
  ] as const)('in %s, says nobody is ahead when nobody is, and counts a patient who checks in before them live', async (language, title, next, oneAhead) => {
    vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
    const hub = new FakeHub();
    vi.spyOn(visitHubTransport, 'create').mockResolvedValue(hub as unknown as HubConnection);
    let ahead = 0;
    await renderApp({
      route: '/visits/v1',
      roles: ['Patient'],
      language,
      api: {
        'GET /api/video-visits/v1/waiting-room': () => new Response(JSON.stringify(waitingRoom(ahead)), { headers: { 'Content-Type': 'application/json' } }),
        'GET /api/video-visits/v1/messages': [],
      },
    });
    await findPageHeading(title);
    expect(await screen.findByText(next)).toBeInTheDocument();
    expect(screen.queryByText(oneAhead)).not.toBeInTheDocument();

    // The server says the doctor's queue moved (another patient of this session checked in earlier).
    ahead = 1;
    await vi.waitFor(() => expect(hub.handlers.has('queueMoved')).toBe(true));
    hub.emit('queueMoved', { visitId: 'v1' });
    // Note: well before the 15-second poll, so only the live event can have brought it.
    expect(await screen.findByText(oneAhead, {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.queryByText(next)).not.toBeInTheDocument();
  });
});

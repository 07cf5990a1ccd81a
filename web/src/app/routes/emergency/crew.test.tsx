import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OfflineQueue } from '@/features/emergency/lib/offline-queue';
import { crewTransport } from '@/features/emergency/lib/crew-transport';
import { setCrewQueue } from '@/features/emergency/lib/crew-queue';
import { memoryQueueStore } from '@/features/emergency/lib/queue-store';
import { stubEmergencyHub } from '@/features/emergency/testing/hub-stub';
import { jsonResponse, problemResponse, type RecordedRequest } from '@/testing/api-mock';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const receipt = (request: RecordedRequest, kind: string) =>
  jsonResponse({ caseId: 'x', sequence: Number(request.headers['x-client-sequence']), kind, itemId: null, appliedAt: '2026-12-07T01:00:00Z', replayed: false });

let online = true;

describe('Crew app (ambulance)', () => {
  beforeEach(() => {
    online = true;
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
    let key = 0;
    stubEmergencyHub();
    setCrewQueue(new OfflineQueue(memoryQueueStore(), crewTransport, { isOnline: () => online, retryDelayMs: () => 60_000, newKey: () => `key-${++key}` }));
  });
  afterEach(() => setCrewQueue(null));

  it('starts a case in one tap without signal, shows what waits, and sends it in order with keys when the signal returns', async () => {
    online = false;
    const caseId = 'c0ffee00-0000-4000-8000-0000000000aa';
    vi.spyOn(crypto, 'randomUUID').mockReturnValue(caseId);
    const app = await renderApp({
      route: '/emergency/crew',
      roles: ['Paramedic'],
      api: {
        'GET /api/emergency/crew/cases': [],
        'GET /api/emergency/destinations': [],
        'POST /api/emergency/crew/cases': (request) => receipt(request, 'case'),
        [`POST /api/emergency/crew/cases/${caseId}/vitals`]: (request) => receipt(request, 'vitals'),
        [`GET /api/emergency/cases/${caseId}`]: () => problemResponse(404, { code: 'not_found' }),
      },
    });
    await findPageHeading('Ambulance cases');
    await app.user.click(screen.getByTestId('start-case'));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/emergency/crew/cases/${caseId}`));
    expect(await screen.findByText('1 waiting to be sent')).toBeInTheDocument();
    expect(screen.getByText('No network')).toBeInTheDocument();

    await app.user.click(screen.getByRole('tab', { name: 'Vitals' }));
    // The limits are shown before anything is sent; a value outside them is refused on the phone.
    expect(screen.getByText('20–300 /min')).toBeInTheDocument();
    await app.user.type(screen.getByRole('textbox', { name: /Heart rate/ }), '400');
    await app.user.click(screen.getByTestId('add-vitals'));
    expect(await screen.findByText('Outside physiological limits: 20–300 /min')).toBeInTheDocument();
    await app.user.clear(screen.getByRole('textbox', { name: /Heart rate/ }));
    await app.user.type(screen.getByRole('textbox', { name: /Heart rate/ }), '112');
    await app.user.type(screen.getByRole('textbox', { name: /SpO₂/ }), '93');
    await app.user.click(screen.getByTestId('add-vitals'));
    expect(await screen.findByText('2 waiting to be sent')).toBeInTheDocument();
    expect(screen.getByTestId('queued-vitals')).toHaveTextContent('112');
    expect(app.requests.filter((r) => r.method === 'POST')).toEqual([]);

    online = true;
    fireEvent(window, new Event('online'));
    expect(await screen.findByText('All sent', {}, { timeout: 10_000 })).toBeInTheDocument();
    const writes = app.requests.filter((r) => r.method === 'POST');
    expect(writes.map((r) => [r.path, r.headers['x-client-sequence']])).toEqual([
      ['/api/emergency/crew/cases', '1'],
      [`/api/emergency/crew/cases/${caseId}/vitals`, '2'],
    ]);
    expect(writes[0]!.body).toMatchObject({ id: caseId });
    expect(writes[1]!.body).toMatchObject({ heartRate: 112, spO2: 93 });
    expect(writes.map((r) => r.headers['idempotency-key'])).toEqual(['key-1', 'key-2']);
  });

  it('shows a write the server refused with the reason, and removes it when the crew says so', async () => {
    const app = await renderApp({
      route: '/emergency/crew/cases/c0ffee00-0000-4000-8000-000000000001',
      roles: ['Paramedic'],
      api: {
        'GET /api/emergency/cases/c0ffee00-0000-4000-8000-000000000001': () => problemResponse(404, { code: 'not_found' }),
        'GET /api/emergency/destinations': [],
        'POST /api/emergency/crew/cases/c0ffee00-0000-4000-8000-000000000001/treatments': () => problemResponse(409, { code: 'emergency_case_closed' }),
      },
    });
    await app.user.click(await screen.findByRole('tab', { name: 'Photos & care' }));
    await app.user.type(screen.getByRole('textbox', { name: 'Treatment given' }), 'Aspirin 300 mg');
    await app.user.click(screen.getByRole('button', { name: 'Add treatment' }));
    const refused = (await screen.findByText('Not accepted: a treatment')).closest<HTMLElement>('[role="alert"]')!;
    expect(refused).toHaveTextContent('closed');
    expect(screen.getByText('All sent')).toBeInTheDocument();
    await app.user.click(within(refused).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByText('Not accepted: a treatment')).not.toBeInTheDocument());
  });
  it('keeps the assessment the crew entered before the server had the case, and sends it as entered', async () => {
    online = false;
    const caseId = 'c0ffee00-0000-4000-8000-0000000000bb';
    vi.spyOn(crypto, 'randomUUID').mockReturnValue(caseId);
    const serverCase = {
      id: caseId, status: 'Open', serviceName: '市急救中心', serviceNameEn: 'City Emergency Medical Centre',
      destinationId: null, destinationName: null, destinationNameEn: null,
      patient: { known: false, patientId: null, name: null, sex: null, age: null, estimatedAge: null, description: null, maskedIdNumber: null, mergedAt: null },
      chiefComplaint: null, triageLevel: null, pathway: 'General', eta: null, latestVitals: null, alerts: [], acceptedAt: null,
      firstContactAt: '2026-12-07T00:40:00Z', arrivalAt: null, handedOverAt: null, lastSequence: 1, updatedAt: '2026-12-07T00:40:00Z',
      onsetAt: null, lastKnownWellAt: null, strokeScale: null, strokeScore: null, stemi: null, traumaMechanism: null, hisRegisteredAt: null,
      timeline: [], vitals: [], treatments: [], messages: [], attachments: [],
    };
    let caseLoads = 0;
    const app = await renderApp({
      route: '/emergency/crew',
      roles: ['Paramedic'],
      api: {
        'GET /api/emergency/crew/cases': [],
        'GET /api/emergency/destinations': [],
        'POST /api/emergency/crew/cases': (request) => receipt(request, 'case'),
        [`PUT /api/emergency/crew/cases/${caseId}/assessment`]: (request) => receipt(request, 'assessment'),
        [`GET /api/emergency/cases/${caseId}`]: () => {
          caseLoads++;
          return jsonResponse(serverCase);
        },
      },
    });
    await findPageHeading('Ambulance cases');
    await app.user.click(screen.getByTestId('start-case'));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/emergency/crew/cases/${caseId}`));

    // The crew assesses while the case is still on the phone; the server's (empty) copy arrives afterwards.
    await app.user.click(await screen.findByRole('tab', { name: 'Assess' }));
    await app.user.type(screen.getByRole('textbox', { name: 'Chief complaint' }), 'Slurred speech');
    await app.user.click(screen.getByText('II · Severe'));
    await app.user.click(screen.getByText('Stroke'));
    online = true;
    fireEvent(window, new Event('online'));
    expect(await screen.findByText('All sent', {}, { timeout: 10_000 })).toBeInTheDocument();
    await waitFor(() => expect(caseLoads).toBeGreaterThan(0));
    await screen.findByText('Unknown patient');

    await app.user.click(screen.getByRole('button', { name: 'Save assessment' }));
    await waitFor(() => expect(app.requests.some((r) => r.method === 'PUT')).toBe(true));
    const assessment = app.requests.find((r) => r.method === 'PUT')!;
    expect(assessment.body).toMatchObject({ chiefComplaint: 'Slurred speech', triageLevel: 2, pathway: 'Stroke' });
  });

  it('records a voice note with one button, keeps it on the phone and uploads the recording', async () => {
    const recorded = new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x77, 0x65, 0x62, 0x6d])], { type: 'audio/webm;codecs=opus' });
    const stopTrack = vi.fn();
    class FakeRecorder {
      state: 'inactive' | 'recording' = 'inactive';
      mimeType = 'audio/webm;codecs=opus';
      ondataavailable: ((event: { data: Blob }) => void) | null = null;
      onstop: (() => void) | null = null;
      start() {
        this.state = 'recording';
      }
      stop() {
        this.state = 'inactive';
        this.ondataavailable?.({ data: recorded });
        this.onstop?.();
      }
    }
    vi.stubGlobal('MediaRecorder', FakeRecorder);
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia: vi.fn(async () => ({ getTracks: () => [{ stop: stopTrack }] })) } });
    online = false;
    const caseId = 'c0ffee00-0000-4000-8000-000000000002';
    const app = await renderApp({
      route: `/emergency/crew/cases/${caseId}`,
      roles: ['Paramedic'],
      api: {
        [`GET /api/emergency/cases/${caseId}`]: () => problemResponse(404, { code: 'not_found' }),
        'GET /api/emergency/destinations': [],
        [`POST /api/emergency/crew/cases/${caseId}/attachments`]: (request) => receipt(request, 'attachment'),
      },
    });
    await app.user.click(await screen.findByRole('tab', { name: 'Photos & care' }));
    await app.user.click(screen.getByRole('button', { name: 'Record a voice note' }));
    await app.user.click(await screen.findByRole('button', { name: 'Stop and keep' }));
    expect(await screen.findByText('Voice note · waiting to be sent')).toBeInTheDocument();
    expect(stopTrack).toHaveBeenCalled();
    expect(app.requests.filter((r) => r.method === 'POST')).toEqual([]);

    online = true;
    fireEvent(window, new Event('online'));
    expect(await screen.findByText('All sent', {}, { timeout: 10_000 })).toBeInTheDocument();
    const upload = app.requests.find((r) => r.method === 'POST')!;
    expect(upload.path).toBe(`/api/emergency/crew/cases/${caseId}/attachments`);
    const form = upload.body as FormData;
    const file = form.get('file') as File;
    expect(file.name).toBe('voice-note.webm');
    expect(file.type).toBe('audio/webm;codecs=opus');
    expect(file.size).toBe(recorded.size);
    expect(form.get('caption')).toBe('Voice note');
  });
});

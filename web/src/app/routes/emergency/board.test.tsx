import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';
import { stubEmergencyHub } from '@/features/emergency/testing/hub-stub';

const patient = { known: false, patientId: null, name: null, sex: 'Male', age: null, estimatedAge: 65, description: 'grey coat', maskedIdNumber: null, mergedAt: null };
const vitals = { id: 'v1', measuredAt: '2026-12-07T00:50:00Z', heartRate: 98, systolic: 182, diastolic: 96, spO2: 95, respiratoryRate: null, temperature: null, glucose: null, gcs: null, recordedByName: '王磊' };
const incoming = {
  id: 'case-1',
  status: 'Open',
  serviceName: '市急救中心',
  serviceNameEn: 'City Emergency Medical Centre',
  destinationId: 'd1',
  destinationName: '市第一人民医院急诊',
  destinationNameEn: 'City First ED',
  patient,
  chiefComplaint: 'Left-sided weakness',
  triageLevel: 2,
  pathway: 'Stroke',
  eta: { at: new Date(Date.now() + 12 * 60_000 + 5_000).toISOString(), minutes: 12, distanceKm: 6.4, positionAt: new Date().toISOString() },
  latestVitals: vitals,
  alerts: [
    { id: 'a1', pathway: 'Stroke', raisedAt: '2026-12-07T00:45:00Z', raisedByName: '王磊', acks: [{ accountId: 'x', name: '孙浩', at: '2026-12-07T00:46:00Z' }] },
    { id: 'a2', pathway: 'Trauma', raisedAt: '2026-12-07T00:45:00Z', raisedByName: '王磊', acks: [] },
  ],
  acceptedAt: null,
  firstContactAt: '2026-12-07T00:40:00Z',
  arrivalAt: null,
  handedOverAt: null,
  lastSequence: 6,
  updatedAt: '2026-12-07T00:50:00Z',
};

describe('Emergency board', () => {
  beforeEach(() => stubEmergencyHub());

  it('shows each incoming case with triage, pathway, latest vitals, who acknowledged the alerts and the ETA counting down', async () => {
    await renderApp({
      route: '/emergency/board',
      roles: ['EmergencyStaff'],
      api: { 'GET /api/emergency/department/cases': [incoming] },
    });
    await findPageHeading('Emergency board');
    const card = await screen.findByTestId('board-case');
    expect(within(card).getByText('Level II')).toBeInTheDocument();
    expect(within(card).getByText('Stroke')).toBeInTheDocument();
    expect(within(card).getByText('Unknown patient · Male · about 65 years · grey coat')).toBeInTheDocument();
    expect(within(card).getByText('182/96')).toBeInTheDocument();
    expect(within(card).getByText(/Acknowledged by 孙浩/)).toBeInTheDocument();
    expect(within(card).getByText('Not acknowledged yet')).toBeInTheDocument();
    const eta = within(card).getByTestId('eta');
    expect(eta).toHaveTextContent(/^\d+ min \d\d s \(6\.4 km\)$/);
    const before = eta.textContent;
    await waitFor(() => expect(eta.textContent).not.toBe(before), { timeout: 5_000 });
    expect(card).toHaveAttribute('href', '/emergency/board/cases/case-1');
  });

  it('is in Chinese for a Chinese reader', async () => {
    await renderApp({
      route: '/emergency/board',
      language: 'zh-CN',
      roles: ['EmergencyStaff'],
      api: { 'GET /api/emergency/department/cases': [incoming] },
    });
    await findPageHeading('急诊看板');
    const card = await screen.findByTestId('board-case');
    expect(within(card).getByText('II级')).toBeInTheDocument();
    expect(within(card).getByText('卒中')).toBeInTheDocument();
    expect(within(card).getByText('尚未确认')).toBeInTheDocument();
  });

  it('accepts a case from its channel (registration with the HIS) and records the handover', async () => {
    const detail = {
      ...incoming,
      onsetAt: null,
      lastKnownWellAt: '2026-12-07T00:20:00Z',
      strokeScale: 'BeFast',
      strokeScore: 4,
      stemi: null,
      traumaMechanism: null,
      hisRegisteredAt: null,
      timeline: [{ kind: 'FirstContact', at: '2026-12-07T00:40:00Z', byName: '王磊' }],
      vitals: [vitals, { ...vitals, id: 'v0', measuredAt: '2026-12-07T00:45:00Z', heartRate: 104 }],
      treatments: [],
      messages: [],
      attachments: [],
    };
    const app = await renderApp({
      route: '/emergency/board/cases/case-1',
      roles: ['EmergencyStaff'],
      api: {
        'GET /api/emergency/cases/case-1': detail,
        'POST /api/emergency/department/cases/case-1/accept': { ...detail, acceptedAt: '2026-12-07T00:52:00Z', hisRegisteredAt: '2026-12-07T00:52:00Z' },
        'POST /api/emergency/department/cases/case-1/timeline': detail,
      },
    });
    expect(await screen.findByTestId('vitals-chart')).toHaveAccessibleName('Vital signs chart, 2 sets');
    expect(screen.getByText(/BE-FAST 4/)).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Accept and register' }));
    await app.user.click(screen.getByRole('button', { name: 'Handed over' }));
    const posts = app.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path)).toEqual(['/api/emergency/department/cases/case-1/accept', '/api/emergency/department/cases/case-1/timeline']);
    expect(posts[1]!.body).toMatchObject({ kind: 'Handover' });
  });

  it('lets the department alert a team the crew did not, and only those', async () => {
    const detail = {
      ...incoming,
      onsetAt: null,
      lastKnownWellAt: null,
      strokeScale: null,
      strokeScore: null,
      stemi: null,
      traumaMechanism: null,
      hisRegisteredAt: null,
      timeline: [],
      vitals: [vitals],
      treatments: [],
      messages: [],
      attachments: [],
    };
    const app = await renderApp({
      route: '/emergency/board/cases/case-1',
      roles: ['EmergencyStaff'],
      api: {
        'GET /api/emergency/cases/case-1': detail,
        'POST /api/emergency/department/cases/case-1/activation': { caseId: 'case-1', sequence: 6, kind: 'activation', itemId: 'a3', appliedAt: '2026-12-07T00:53:00Z', replayed: false },
      },
    });
    const activation = await screen.findByTestId('department-activation');
    // Stroke and trauma were alerted from the ambulance: only chest pain is left to activate.
    expect(within(activation).getAllByRole('button').map((button) => button.textContent)).toEqual(['Alert Chest pain team']);
    await app.user.click(within(activation).getByRole('button', { name: 'Alert Chest pain team' }));
    const posts = app.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path)).toEqual(['/api/emergency/department/cases/case-1/activation']);
    expect(posts[0]!.body).toEqual({ pathway: 'ChestPain' });
  });

  it('offers the activation in Chinese', async () => {
    const detail = { ...incoming, alerts: [], onsetAt: null, lastKnownWellAt: null, strokeScale: null, strokeScore: null, stemi: null, traumaMechanism: null, hisRegisteredAt: null, timeline: [], vitals: [], treatments: [], messages: [], attachments: [] };
    await renderApp({
      route: '/emergency/board/cases/case-1',
      language: 'zh-CN',
      roles: ['EmergencyStaff'],
      api: { 'GET /api/emergency/cases/case-1': detail },
    });
    const activation = await screen.findByTestId('department-activation');
    expect(within(activation).getAllByRole('button').map((button) => button.textContent)).toEqual(['启动卒中团队', '启动胸痛团队', '启动创伤团队']);
  });

  it('hides the activation of a handed-over case', async () => {
    const detail = { ...incoming, status: 'HandedOver', alerts: [], onsetAt: null, lastKnownWellAt: null, strokeScale: null, strokeScore: null, stemi: null, traumaMechanism: null, hisRegisteredAt: null, timeline: [], vitals: [], treatments: [], messages: [], attachments: [] };
    await renderApp({ route: '/emergency/board/cases/case-1', roles: ['EmergencyStaff'], api: { 'GET /api/emergency/cases/case-1': detail } });
    await screen.findByText('Team alerts');
    expect(screen.queryByTestId('department-activation')).not.toBeInTheDocument();
  });

  it('plays the crew voice note on the case page', async () => {
    const createObjectURL = vi.fn(() => 'blob:voice-note');
    vi.spyOn(URL, 'createObjectURL').mockImplementation(createObjectURL);
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const detail = {
      ...incoming,
      onsetAt: null, lastKnownWellAt: null, strokeScale: null, strokeScore: null, stemi: null, traumaMechanism: null, hisRegisteredAt: null,
      timeline: [], vitals: [], treatments: [], messages: [],
      attachments: [{ id: 'f1', caption: 'Voice note', contentType: 'audio/webm', uploadedAt: '2026-12-07T00:51:00Z', byName: '王磊' }],
    };
    await renderApp({
      route: '/emergency/board/cases/case-1',
      roles: ['EmergencyStaff'],
      api: {
        'GET /api/emergency/cases/case-1': detail,
        'GET /api/emergency/cases/case-1/attachments/f1': () => new Response(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]), { headers: { 'Content-Type': 'audio/webm' } }),
      },
    });
    const player = await screen.findByLabelText(/^Voice note · /);
    expect(player.tagName).toBe('AUDIO');
    expect(player).toHaveAttribute('src', 'blob:voice-note');
    expect(player).toHaveAttribute('controls');
  });
});

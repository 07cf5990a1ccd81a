import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const incoming = {
  id: 'con-1',
  mode: 'Video',
  urgency: 'Routine',
  status: 'Requested',
  patientId: 'pat-9',
  patientName: '张伟',
  requestingDoctor: { doctorId: 'doc-2', name: '陈静' },
  fromFacility: { id: 'f2', name: '东湖社区卫生服务中心', nameEn: 'Donghu Community Health Centre' },
  toFacility: { id: 'f1', name: '市第一人民医院', nameEn: "City First People's Hospital" },
  toDepartment: { id: 'd1', name: '心血管内科', nameEn: 'Cardiology' },
  specialists: [],
  question: '血压控制不佳，请评估',
  recordSummary: { source: 'current', asOf: '2026-12-01T02:00:00Z', problems: [{ code: 'I10', description: '原发性高血压', since: '2024-01-01' }], medicines: [], allergies: [] },
  consent: { method: 'Paper', givenBy: '张伟', givenAt: '2026-12-01T02:00:00Z' },
  attachments: [],
  fee: 0,
  feePaid: false,
  scheduledStart: null,
  patientInvited: false,
  declineReason: null,
  opinion: null,
  addenda: [],
  timeline: [{ sequence: 1, status: 'Requested', at: '2026-12-01T02:00:00Z', note: null }],
  createdAt: '2026-12-01T02:00:00Z',
  roomId: null,
  canDecide: true,
  canSign: false,
  canCancel: false,
  canAmend: false,
};

describe('Remote consultations (doctor)', () => {
  it('shows the record summary and declines an incoming consultation with a reason', async () => {
    const app = await renderApp({
      route: '/doctor/consultations',
      roles: ['Doctor'],
      api: {
        'GET /api/consultations': [incoming],
        'POST /api/consultations/con-1/decline': { ...incoming, status: 'Declined', declineReason: '请转心内科门诊', canDecide: false },
      },
    });
    await findPageHeading('Remote consultations');
    expect(await screen.findByText('张伟')).toBeInTheDocument();
    expect(screen.getByText(/I10 原发性高血压/)).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: 'Reason for declining' }), { target: { value: '请转心内科门诊' } });
    await app.user.click(screen.getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/consultations/con-1/decline')).toBe(true));
  });

  it('signs the opinion of a consultation in progress and joins its room', async () => {
    const inProgress = { ...incoming, status: 'InProgress', roomId: 'con-1', canDecide: false, canSign: true, specialists: [{ doctorId: 'doc-1', name: '李伟', title: '主任医师', titleEn: 'Chief Physician', isLead: true }] };
    const app = await renderApp({
      route: '/doctor/consultations',
      roles: ['Doctor'],
      api: {
        'GET /api/consultations': [inProgress],
        'POST /api/consultations/con-1/opinion': { ...inProgress, status: 'OpinionSigned', roomId: null, canSign: false },
      },
    });
    expect(await screen.findByRole('link', { name: 'Join the video room' })).toHaveAttribute('href', '/visits/con-1');
    const form = screen.getByRole('form', { name: 'Sign the opinion' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Opinion/ }), { target: { value: '建议加用氨氯地平' } });
    await app.user.click(within(form).getByRole('combobox', { name: /^Recommendation/ }));
    await app.user.click(await screen.findByRole('option', { name: 'Adjust treatment' }));
    await app.user.click(within(form).getByRole('button', { name: 'Sign the opinion' }));
    await waitFor(() => expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/consultations/con-1/opinion')).toBe(true));
  });
});

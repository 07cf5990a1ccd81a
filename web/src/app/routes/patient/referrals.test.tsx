import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const proposed = {
  id: 'ref-1',
  direction: 'Up',
  urgency: 'Urgent',
  status: 'AppointmentProposed',
  patientId: 'pat-1',
  patientName: 'Li Lei',
  fromDoctorName: '陈静',
  fromFacility: { id: 'f2', name: '东湖社区卫生服务中心', nameEn: 'Donghu Community Health Centre' },
  toFacility: { id: 'f1', name: '市第一人民医院', nameEn: "City First People's Hospital" },
  toDepartment: { id: 'd1', name: '心血管内科', nameEn: 'Cardiology' },
  toTeam: null,
  reason: '血压控制不佳',
  clinicalQuestion: '请评估降压方案',
  declineReason: null,
  createdAt: '2026-12-01T02:00:00Z',
  updatedAt: '2026-12-02T02:00:00Z',
  proposedSlot: { slotId: 'slot-1', start: '2026-12-10T01:00:00Z', end: '2026-12-10T01:15:00Z', doctorId: 'doc-1', doctorName: '李伟' },
  appointmentId: null,
  attachments: [{ kind: 'LabReport', itemId: 'lab-1', title: '血脂四项' }],
  medicines: [],
  tasks: [],
  timeline: [
    { status: 'Created', at: '2026-12-01T02:00:00Z', note: null },
    { status: 'Accepted', at: '2026-12-02T02:00:00Z', note: null },
    { status: 'AppointmentProposed', at: '2026-12-02T02:00:00Z', note: null },
  ],
  canDecide: false,
  canCancel: false,
};

describe('My referrals (patient)', () => {
  it('shows a referral with its proposed time and books it in one tap', async () => {
    const booked = { ...proposed, status: 'Booked', appointmentId: 'appt-1' };
    const app = await renderApp({
      route: '/referrals',
      roles: ['Patient'],
      api: {
        'GET /api/patients/pat-1/referrals': [proposed],
        'GET /api/patients/pat-1/referrals/ref-1': { referral: proposed, reservedSlots: [proposed.proposedSlot] },
        'POST /api/patients/pat-1/referrals/ref-1/book': booked,
      },
    });
    await findPageHeading('My referrals');
    expect(await screen.findByRole('heading', { level: 2, name: 'Referral up · Cardiology' })).toBeInTheDocument();
    expect(screen.getByText('Time proposed')).toBeInTheDocument();
    expect(screen.getByText(/Lab report: 血脂四项/)).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Book this time' }));
    await waitFor(() => expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/patients/pat-1/referrals/ref-1/book')).toBe(true));
    expect(await screen.findByText('Booked. Pay the fee from My appointments to confirm it.')).toBeInTheDocument();
  });

  it('says so when there are none', async () => {
    await renderApp({ route: '/referrals', roles: ['Patient'], api: { 'GET /api/patients/pat-1/referrals': [] } });
    expect(await screen.findByText('You have no referrals.')).toBeInTheDocument();
  });
});

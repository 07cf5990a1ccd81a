import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const incoming = {
  id: 'ref-1',
  direction: 'Up',
  urgency: 'Routine',
  status: 'Created',
  patientId: 'pat-9',
  patientName: '张伟',
  fromDoctorName: '陈静',
  fromFacility: { id: 'f2', name: '东湖社区卫生服务中心', nameEn: 'Donghu Community Health Centre' },
  toFacility: { id: 'f1', name: '市第一人民医院', nameEn: "City First People's Hospital" },
  toDepartment: { id: 'd1', name: '心血管内科', nameEn: 'Cardiology' },
  toTeam: null,
  reason: '血压控制不佳',
  clinicalQuestion: '',
  declineReason: null,
  createdAt: '2026-12-01T02:00:00Z',
  updatedAt: '2026-12-01T02:00:00Z',
  proposedSlot: null,
  appointmentId: null,
  attachments: [],
  medicines: [],
  tasks: [],
  timeline: [{ status: 'Created', at: '2026-12-01T02:00:00Z', note: null }],
  canDecide: true,
  canCancel: false,
};

describe('Referrals (doctor)', () => {
  it('declines an incoming referral with a reason', async () => {
    const app = await renderApp({
      route: '/doctor/referrals',
      roles: ['Doctor'],
      api: {
        'GET /api/referrals': [incoming],
        'GET /api/referrals/ref-1': { referral: incoming, reservedSlots: [] },
        'POST /api/referrals/ref-1/decline': { ...incoming, status: 'Declined', declineReason: '本周号源已满', canDecide: false },
      },
    });
    await findPageHeading('Referrals');
    expect(await screen.findByText('张伟')).toBeInTheDocument();
    await app.user.type(screen.getByRole('textbox', { name: 'Reason for declining' }), '本周号源已满');
    await app.user.click(screen.getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/referrals/ref-1/decline')).toBe(true));
  });
});

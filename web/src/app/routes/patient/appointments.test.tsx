import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appointment } from '@/testing/booking-fixtures';
import { findPageHeading, jsonResponse, renderApp } from '@/testing/test-utils';

describe('My appointments', () => {
  it.each([
    ['en', 'My appointments', 'Booked', 'Cancel the appointment on'],
    ['zh-CN', '我的预约', '已预约', '取消'],
  ] as const)('lists upcoming appointments with their actions in %s', async (language, title, status, cancel) => {
    await renderApp({
      route: '/appointments',
      roles: ['Patient'],
      language,
      api: { 'GET /api/appointments': { items: [appointment()], page: 1, pageSize: 20, total: 1 }, 'GET /api/waitlist': [] },
    });
    await findPageHeading(title);
    expect(await screen.findByText(status)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: new RegExp(cancel) })).toBeInTheDocument();
  });

  it('cancels a paid booking and shows the refund', async () => {
    let current = appointment();
    const app = await renderApp({
      route: '/appointments',
      roles: ['Patient'],
      api: {
        'GET /api/appointments': () => jsonResponse({ items: [current], page: 1, pageSize: 20, total: 1 }),
        'GET /api/waitlist': [],
        'POST /api/appointments/apt-1/cancel': () => {
          current = appointment({ status: 'Cancelled', cancellationReason: 'patient_cancelled', paymentStatus: 'Refunded', refundedAmount: 50, canCancel: false, canReschedule: false });
          return jsonResponse(current);
        },
      },
    });
    await findPageHeading('My appointments');
    await app.user.click(await screen.findByRole('button', { name: /Cancel the appointment on/ }, { timeout: 5000 }));
    expect(screen.getByText('The fee you paid is refunded in full.')).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Cancel appointment' }));
    await waitFor(() => expect(screen.getByText(/Refunded: /)).toBeInTheDocument());
  });

  it.each([
    ['en', 'For 李小明'],
    ['zh-CN', '就诊人：李小明'],
  ] as const)('in %s, names whose appointment it is when the account acts for several people', async (language, forChild) => {
    await renderApp({
      route: '/appointments',
      roles: ['Patient'],
      language,
      me: { patients: [{ id: 'pat-1', name: '王芳', relationship: 'Self' }, { id: 'pat-child', name: '李小明', relationship: 'Guardian', relation: 'child', ageYears: 4 }] },
      api: { 'GET /api/appointments': { items: [appointment({ patientName: '李小明' })], page: 1, pageSize: 20, total: 1 }, 'GET /api/waitlist': [] },
    });
    expect(await screen.findByText(forChild)).toBeInTheDocument();
  });

  it('does not name the patient for an account that acts only for itself', async () => {
    await renderApp({
      route: '/appointments',
      roles: ['Patient'],
      api: { 'GET /api/appointments': { items: [appointment()], page: 1, pageSize: 20, total: 1 }, 'GET /api/waitlist': [] },
    });
    expect(await screen.findByText('Booked')).toBeInTheDocument();
    expect(screen.queryByText('For Li Lei')).toBeNull();
  });
});

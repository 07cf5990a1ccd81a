import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appointment } from '@/testing/booking-fixtures';
import { findPageHeading, renderApp } from '@/testing/test-utils';

describe('One appointment', () => {
  it('shows a hold with the pay step and when the hold ends', async () => {
    await renderApp({
      route: '/appointments/apt-1',
      roles: ['Patient'],
      api: {
        'GET /api/appointments/apt-1': appointment({ status: 'PendingPayment', holdExpiresAt: '2030-03-01T00:15:00Z', paymentStatus: null }),
        'POST /api/appointments/apt-1/payment': { paymentId: 'pay-1', amount: 50, currency: 'CNY', status: 'Pending', simulated: true },
      },
    });
    await findPageHeading('Appointment');
    expect(await screen.findByRole('button', { name: 'Pay now' })).toBeInTheDocument();
    expect(screen.getByText(/We hold this time for you until/)).toBeInTheDocument();
  });

  it('explains the policy when it is too late to change online', async () => {
    await renderApp({
      route: '/appointments/apt-1',
      language: 'zh-CN',
      roles: ['Patient'],
      api: { 'GET /api/appointments/apt-1': appointment({ canCancel: false, canReschedule: false }) },
    });
    await findPageHeading('预约详情');
    expect(await screen.findByText(/改约或取消须在/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /取消.*的预约/ })).not.toBeInTheDocument();
  });
});

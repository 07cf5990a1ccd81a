import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { summary } from '@/features/renewals/testing/fixtures';
import { mockLiveConnection } from '@/testing/live-mock';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const queue = (onDuty: boolean): Record<string, unknown> => ({
  onDuty: onDuty ? [{ accountId: 'acc-1', name: '孙丽', since: '2026-11-27T00:30:00+00:00' }] : [],
  iAmOnDuty: onDuty,
  toReview: [summary({ status: 'DoctorApproved' })],
  awaitingPayment: [],
  toDispense: [],
  dispensed: [],
});

describe('Review queue (pharmacist home)', () => {
  it.each([
    ['en', 'Review queue', 'Prescriptions to review (1)', 'No pharmacist is on duty.', 'Go on duty'],
    ['zh-CN', '审方队列', '待审核处方 (1)', '目前没有药师在岗。', '上岗'],
  ] as const)('shows who is on duty and what to review (%s)', async (language, title, section, nobody, button) => {
    await renderApp({ route: '/review-queue', roles: ['Pharmacist'], language, api: { 'GET /api/pharmacy/queue': queue(false) } });
    await findPageHeading(title);
    expect(await screen.findByRole('heading', { name: section })).toBeInTheDocument();
    expect(screen.getByText(nobody)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: button })).toBeInTheDocument();
  });

  it('goes on duty and refreshes when a new prescription arrives live', async () => {
    const live = mockLiveConnection();
    let onDuty = false;
    const app = await renderApp({
      route: '/review-queue',
      roles: ['Pharmacist'],
      api: {
        'GET /api/pharmacy/queue': () => new Response(JSON.stringify(queue(onDuty)), { headers: { 'Content-Type': 'application/json' } }),
        'PUT /api/pharmacy/duty': () => {
          onDuty = true;
          return new Response(JSON.stringify(queue(true).onDuty), { headers: { 'Content-Type': 'application/json' } });
        },
      },
    });
    await app.user.click(await screen.findByRole('button', { name: 'Go on duty' }));
    expect(await screen.findByText(/孙丽 since/)).toBeInTheDocument();
    expect(app.requests.find((r) => r.method === 'PUT')?.body).toEqual({ onDuty: true });

    await waitFor(() => expect(live.connection.startCalls).toBe(1));
    const before = app.requests.filter((r) => r.path === '/api/pharmacy/queue').length;
    live.connection.emit('renewals.changed', { id: 'ren-2', status: 'DoctorApproved' });
    await waitFor(() => expect(app.requests.filter((r) => r.path === '/api/pharmacy/queue').length).toBeGreaterThan(before));
  });
});

import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockLiveConnection } from '@/testing/live-mock';
import { seriousA11yViolations } from '@/testing/axe';
import { appointment } from '@/testing/booking-fixtures';
import { findPageHeading, jsonResponse, noContent, renderApp } from '@/testing/test-utils';

describe('Follow-up reviews', () => {
  it('accepts uploaded proof, and a rejection needs a note', async () => {
    let decided: unknown = null;
    const app = await renderApp({
      route: '/follow-up-reviews',
      roles: ['Doctor'],
      api: {
        'GET /api/doctors/me/follow-up-reviews': [appointment({ status: 'PendingReview', patientName: '王秀英', visitType: 'Video', hasProof: true })],
        'POST /api/appointments/apt-1/follow-up-review': (request) => {
          decided = request.body;
          return noContent();
        },
      },
    });
    await findPageHeading('Follow-up reviews');
    expect(await screen.findByText(/王秀英/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeDisabled();
    expect(await act(() => seriousA11yViolations())).toEqual([]);
    await app.user.click(screen.getByRole('button', { name: 'Accept as follow-up' }));
    await screen.findByText(/王秀英/);
    expect(decided).toEqual({ accept: true });
  });

  it.each([
    ['en', 'Follow-up reviews', 'Nothing to review.'],
    ['zh-CN', '复诊审核', '暂无待审核。'],
  ] as const)('in %s, shows a request that arrives while the list is open', async (language, title, none) => {
    const live = mockLiveConnection();
    let waiting: unknown[] = [];
    await renderApp({
      route: '/follow-up-reviews',
      roles: ['Doctor'],
      language,
      api: { 'GET /api/doctors/me/follow-up-reviews': () => jsonResponse(waiting) },
    });
    await findPageHeading(title);
    expect(await screen.findByText(none)).toBeInTheDocument();
    waiting = [appointment({ status: 'PendingReview', patientName: '王秀英', visitType: 'Video', hasProof: true })];
    await vi.waitFor(() => expect(live.connection.handlers.has('appointmentChanged')).toBe(true));
    live.connection.emit('appointmentChanged', { id: 'apt-1', status: 'PendingReview', doctorId: 'd1' });
    expect(await screen.findByText(/王秀英/)).toBeInTheDocument();
  });

  it('renders in Chinese', async () => {
    await renderApp({ route: '/follow-up-reviews', roles: ['Doctor'], language: 'zh-CN', api: { 'GET /api/doctors/me/follow-up-reviews': [] } });
    await findPageHeading('复诊审核');
    expect(await screen.findByText('暂无待审核。')).toBeInTheDocument();
  });
});

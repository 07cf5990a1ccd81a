import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RENEWAL_ID, summary } from '@/features/renewals/testing/fixtures';
import { findPageHeading, jsonResponse, renderApp } from '@/testing/test-utils';

describe('Renewal queue (doctor)', () => {
  it.each([
    ['en', 'Renewal requests', 'Open request AB12CD34 of 张伟', 'You prescribed this', 'Needs attention'],
    ['zh-CN', '续方申请', '打开 张伟 的申请 AB12CD34', '由您开具', '需关注'],
  ] as const)('lists waiting requests with why they reached the doctor (%s)', async (language, title, link, routing, flag) => {
    await renderApp({
      route: '/doctor/renewals',
      roles: ['Doctor'],
      language,
      api: { 'GET /api/doctor/renewals': { waiting: [summary({ routingReason: 'OriginalPrescriber', isFlagged: true })], recentlyDecided: [] } },
    });
    await findPageHeading(title);
    expect(await screen.findByRole('link', { name: link })).toHaveAttribute('href', `/doctor/renewals/${RENEWAL_ID}`);
    expect(screen.getByText(routing)).toBeInTheDocument();
    expect(screen.getByText(flag)).toBeInTheDocument();
  });

  it.each([
    ['en', 'Renewal requests', 'Follow-up reviews', 'Open request AB12CD34 of 张伟'],
    ['zh-CN', '续方申请', '复诊审核', '打开 张伟 的申请 AB12CD34'],
  ] as const)('in %s, shows a request submitted since it was last open when the doctor opens it from the menu again', async (language, title, elsewhere, link) => {
    let waiting: unknown[] = [];
    const app = await renderApp({
      route: '/doctor/renewals',
      roles: ['Doctor'],
      language,
      api: {
        'GET /api/doctor/renewals': () => jsonResponse({ waiting, recentlyDecided: [] }),
        'GET /api/doctors/me/follow-up-reviews': [],
      },
    });
    await findPageHeading(title);
    await act(() => app.router.navigate('/follow-up-reviews'));
    await findPageHeading(elsewhere);

    // A patient submits while the doctor is on another page (no live event reaches a page that is not open).
    waiting = [summary({ routingReason: 'OriginalPrescriber' })];
    await act(() => app.router.navigate('/doctor/renewals'));
    await findPageHeading(title);
    expect(await screen.findByRole('link', { name: link })).toBeInTheDocument();
  });
});

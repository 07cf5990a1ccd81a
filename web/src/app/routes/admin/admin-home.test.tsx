import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

describe('Administration (admin home)', () => {
  it.each([
    ['en', 'Administration', 'Nothing needs your attention right now.'],
    ['zh-CN', '系统管理', '目前没有需要您处理的事项。'],
  ] as const)('renders in %s with an empty state', async (language, title, empty) => {
    await renderApp({ route: '/admin', roles: ['SystemAdmin'], language });
    await findPageHeading(title);
    expect(screen.getByText(empty)).toBeInTheDocument();
  });

  it('sets the renewal fee', async () => {
    const app = await renderApp({
      route: '/admin',
      roles: ['SystemAdmin'],
      api: {
        'GET /api/admin/renewal-settings': { fee: 0, currency: 'CNY', longPrescriptionMaxDays: 84, updatedAt: null },
        'PUT /api/admin/renewal-settings': { fee: 12.5, currency: 'CNY', longPrescriptionMaxDays: 84, updatedAt: '2026-11-28T00:00:00+00:00' },
      },
    });
    await findPageHeading('Administration');
    const fee = await screen.findByLabelText('Renewal fee (CNY)');
    await waitFor(() => expect(fee).toHaveValue('0'));
    expect(screen.getByText('Long-prescription limit: 84 days (set in configuration).')).toBeInTheDocument();
    await app.user.clear(fee);
    await app.user.type(fee, '12.5');
    await app.user.click(screen.getByRole('button', { name: 'Save fee' }));
    expect(await screen.findByText('The fee is saved.')).toBeInTheDocument();
    expect(app.requests.find((r) => r.method === 'PUT')?.body).toEqual({ fee: 12.5 });
  });
});

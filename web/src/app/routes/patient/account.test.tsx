import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, problemResponse, renderApp } from '@/testing/test-utils';

const closed = { closedAt: '2026-12-06T10:00:00Z', patientIds: ['p1'], medicalRecordRetentionYears: 15, notice: { zhCn: '…', en: '…' } };

describe('account page (closing the account)', () => {
  it.each([
    ['en', 'My account', 'Close my account…', 'is not deleted'],
    ['zh-CN', '我的账户', '注销账户…', '不会被删除'],
  ] as const)('says in %s what goes and that the medical record stays', async (language, title, open, kept) => {
    await renderApp({ route: '/account', roles: ['Patient'], language });
    await findPageHeading(title);
    expect(screen.getByText(new RegExp(kept))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: open })).toBeInTheDocument();
  });

  it('asks for the password and an explicit confirmation, shows a wrong password, then closes', async () => {
    const app = await renderApp({
      route: '/account',
      roles: ['Patient'],
      api: {
        'POST /api/account/close': (request) =>
          (request.body as { password: string }).password === 'right-password'
            ? Response.json(closed)
            : problemResponse(422, { code: 'identity_check_failed', detail: 'wrong' }),
      },
    });
    await findPageHeading('My account');
    await app.user.click(screen.getByRole('button', { name: 'Close my account…' }));
    await app.user.click(await screen.findByRole('button', { name: 'Close my account' }));
    expect(await screen.findByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByText('Tick the box to confirm.')).toBeInTheDocument();
    expect(app.requests.filter((r) => r.path === '/api/account/close')).toHaveLength(0);

    await app.user.type(screen.getByLabelText(/^Password/), 'wrong-password');
    await app.user.click(screen.getByRole('checkbox', { name: /closed for good/ }));
    await app.user.click(screen.getByRole('button', { name: 'Close my account' }));
    expect(await screen.findByText('The password (or code) is not correct.')).toBeInTheDocument();

    await app.user.clear(screen.getByLabelText(/^Password/));
    await app.user.type(screen.getByLabelText(/^Password/), 'right-password');
    await app.user.click(screen.getByRole('button', { name: 'Close my account' }));
    expect(await screen.findByText('Your account is closed')).toBeInTheDocument();
    expect(screen.getByText(/kept for at least 15 years/)).toBeInTheDocument();
  });

  it('is for patients only', async () => {
    await renderApp({ route: '/account', roles: ['Doctor'] });
    expect(await screen.findByText('Your account does not have access to this page.')).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, noContent, problemResponse, renderApp } from '@/testing/test-utils';

const here = {
  id: '0193c1a0-0000-7000-8000-000000000001',
  signedInAt: '2026-12-06T01:00:00Z',
  lastActiveAt: '2026-12-06T02:55:00Z',
  address: '198.51.100.*',
  browser: 'Chrome',
  os: 'Windows',
  current: true,
};
const phone = {
  id: '0193c1a0-0000-7000-8000-000000000002',
  signedInAt: '2026-12-05T23:10:00Z',
  lastActiveAt: '2026-12-06T00:20:00Z',
  address: '203.0.113.*',
  browser: 'Safari',
  os: 'iOS',
  current: false,
};

describe('signed-in devices page', () => {
  it.each([
    ['en', 'Signed-in devices', 'This device', 'Safari on iOS', 'Network 203.0.113.*'],
    ['zh-CN', '登录设备', '本设备', 'iOS 上的 Safari', '网络：203.0.113.*'],
  ] as const)('lists the sessions in %s, this device first, without a sign-out button for it', async (language, title, thisDevice, other, network) => {
    await renderApp({ route: '/sessions', roles: ['Patient'], language, api: { 'GET /api/account/sessions': [here, phone] } });
    await findPageHeading(title);
    const [first, second, ...rest] = await screen.findAllByRole('listitem');
    if (!first || !second) throw new Error('expected two sessions');
    expect(rest).toHaveLength(0);
    expect(within(first).getByText(thisDevice)).toBeInTheDocument();
    expect(within(first).queryByRole('button')).not.toBeInTheDocument();
    expect(within(second).getByText(other)).toBeInTheDocument();
    expect(within(second).getByText(network)).toBeInTheDocument();
    expect(within(second).getByRole('button')).toBeInTheDocument();
    expect(await seriousA11yViolations()).toEqual([]);
  });

  it('signs another device out and shows the list without it', async () => {
    let sessions = [here, phone];
    const app = await renderApp({
      route: '/sessions',
      roles: ['Doctor'],
      api: {
        'GET /api/account/sessions': () => Response.json(sessions),
        [`DELETE /api/account/sessions/${phone.id}`]: () => {
          sessions = [here];
          return noContent();
        },
      },
    });
    await findPageHeading('Signed-in devices');
    await app.user.click(await screen.findByRole('button', { name: 'Sign out Safari on iOS' }));
    await waitFor(() => expect(screen.queryByText('Safari on iOS')).not.toBeInTheDocument());
    expect(app.requests.some((r) => r.method === 'DELETE' && r.path === `/api/account/sessions/${phone.id}`)).toBe(true);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('explains a locked account in the reader’s language', async () => {
    await renderApp({
      route: '/sessions',
      roles: ['Patient'],
      language: 'zh-CN',
      api: { 'GET /api/account/sessions': () => problemResponse(403, { code: 'locked_out' }) },
    });
    await findPageHeading('登录设备');
    expect(await screen.findByRole('alert')).toHaveTextContent('您的账户已被锁定');
  });
});

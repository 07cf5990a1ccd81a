import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '@/features/accounts/lib/roles';
import { userManager } from '@/lib/oidc';
import { findPageHeading, renderApp, testMe, testOidcUser } from '@/testing/test-utils';

/** Emulates oidc-client-ts finishing the code exchange: tokens stored, "user loaded" raised. */
function completeCodeExchange(state?: unknown): void {
  vi.spyOn(userManager, 'signinRedirectCallback').mockImplementation(async () => {
    const user = testOidcUser(state);
    await userManager.storeUser(user);
    await userManager.events.load(user);
    return user;
  });
}

describe('auth callback', () => {
  it.each([
    [['Patient'], 'My health', '/my-health'],
    [['Doctor'], 'Workspace', '/workspace'],
    [['Pharmacist'], 'Review queue', '/review-queue'],
    [['SystemAdmin'], 'Administration', '/admin'],
    [['SecurityAdmin'], 'Staff accounts', '/admin/accounts'],
    [['AuditAdmin'], 'Audit log', '/admin/audit'],
    [['Patient', 'Doctor'], 'Workspace', '/workspace'],
    [['Doctor', 'Pharmacist'], 'Review queue', '/review-queue'],
  ] as Array<[Role[], string, string]>)('sends %j to their home', async (roles, heading, path) => {
    completeCodeExchange();
    const { router } = await renderApp({
      route: '/auth/callback?code=abc&state=xyz',
      api: {
        'GET /api/me': testMe(roles),
        'PUT /api/me/preferences': () => new Response(null, { status: 204 }),
        'GET /api/admin/accounts': [],
      },
    });
    await findPageHeading(heading);
    expect(router.state.location.pathname).toBe(path);
    expect(within(screen.getByRole('banner')).getByText('Li Lei')).toBeInTheDocument();
  });

  it('returns to the page that asked for sign-in', async () => {
    completeCodeExchange({ returnTo: '/security' });
    const { router } = await renderApp({
      route: '/auth/callback?code=abc&state=xyz',
      api: {
        'GET /api/me': testMe(['Doctor']),
        'GET /api/account/two-factor': { enabled: true, sharedKey: 'ABCD', authenticatorUri: 'otpauth://totp/x' },
      },
    });
    await findPageHeading('Security');
    expect(router.state.location.pathname).toBe('/security');
  });

  it('adopts the account language when none was chosen on this device', async () => {
    completeCodeExchange();
    await renderApp({
      route: '/auth/callback?code=abc&state=xyz',
      api: { 'GET /api/me': testMe(['Patient'], { preferredLanguage: 'zh-CN' }) },
    });
    await findPageHeading('我的健康');
  });

  it.each(['en', 'zh-CN'] as const)('explains a failed sign-in (%s)', async (language) => {
    vi.spyOn(userManager, 'signinRedirectCallback').mockRejectedValue(new Error('No matching state'));
    await renderApp({ route: '/auth/callback?code=abc&state=stale', language });
    await findPageHeading(language === 'en' ? 'Sign-in could not be completed' : '无法完成登录');
    expect(screen.getByRole('button', { name: language === 'en' ? 'Try again' : '重试' })).toBeInTheDocument();
  });
});

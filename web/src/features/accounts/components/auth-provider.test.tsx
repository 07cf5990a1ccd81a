import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { BOOT_SIGN_IN_ATTEMPT_KEY } from '@/config/session';
import { userManager } from '@/lib/oidc';
import { serverSettingsQueryKey } from '@/lib/server-settings';
import { findPageHeading, renderApp } from '@/testing/test-utils';

describe('auth provider', () => {
  it('signs out through the end-session endpoint without starting a new sign-in', async () => {
    // Like oidc-client-ts: the tokens are dropped before the browser leaves for /connect/endsession.
    vi.mocked(userManager.signoutRedirect).mockImplementation(async () => {
      await userManager.removeUser();
    });
    const { user, queryClient, requests } = await renderApp({ route: '/my-health', roles: ['Patient'] });
    await findPageHeading('My health');
    await user.click(screen.getAllByRole('button', { name: 'Sign out' })[0]!);
    await waitFor(() => expect(userManager.signoutRedirect).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Signing you out…')).toBeInTheDocument();
    expect(userManager.signinRedirect).not.toHaveBeenCalled();
    // No personal data left in memory (disabled observers may keep empty entries; the server's settings are not personal).
    const personal = queryClient.getQueryCache().getAll().filter((query) => query.queryKey[0] !== serverSettingsQueryKey[0]);
    expect(personal.every((query) => query.state.data === undefined)).toBe(true);
    expect(requests.filter((r) => r.path === '/api/me')).toHaveLength(1);
  });

  it('does not loop when resuming a server session keeps failing', async () => {
    window.sessionStorage.setItem(BOOT_SIGN_IN_ATTEMPT_KEY, String(Date.now()));
    vi.mocked(userManager.signinSilent).mockRejectedValue(new Error('Frame window timed out'));
    await renderApp({ route: '/', serverSession: true });
    await findPageHeading('InternetHospital');
    expect(userManager.signinRedirect).not.toHaveBeenCalled();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { ErrorResponse } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import { SIGNED_OUT_REASON_KEY } from '@/config/session';
import { userManager } from '@/lib/oidc';
import { findPageHeading, renderApp, testMe, testOidcUser } from '@/testing/test-utils';

describe('landing page', () => {
  it.each([
    ['en', 'InternetHospital', 'Sign in', 'Register'],
    ['zh-CN', '互联网医院', '登录', '注册'],
  ] as const)('renders in %s with sign-in and register actions', async (language, title, signIn, register) => {
    await renderApp({ route: '/', language });
    await findPageHeading(title);
    const main = screen.getByRole('main');
    expect(within(main).getByRole('button', { name: signIn })).toBeInTheDocument();
    expect(within(main).getByRole('link', { name: register })).toHaveAttribute('href', '/register');
    expect(document.title).toBe(title);
    expect(document.documentElement.lang).toBe(language);
  });

  it('starts the OIDC sign-in when Sign in is pressed', async () => {
    const { user } = await renderApp({ route: '/' });
    await findPageHeading('InternetHospital');
    await user.click(within(screen.getByRole('main')).getByRole('button', { name: 'Sign in' }));
    expect(userManager.signinRedirect).toHaveBeenCalledTimes(1);
  });

  it('sends a signed-in patient to My health', async () => {
    await renderApp({ route: '/', roles: ['Patient'] });
    await findPageHeading('My health');
  });

  it('resumes a server session after a reload in a hidden frame, without leaving the page', async () => {
    vi.mocked(userManager.signinSilent).mockResolvedValue(testOidcUser());
    await renderApp({ route: '/', serverSession: true, api: { 'GET /api/me': testMe(['Patient']) } });
    await findPageHeading('My health');
    expect(userManager.signinSilent).toHaveBeenCalledWith(expect.objectContaining({ forceIframeAuth: true }));
    expect(userManager.signinRedirect).not.toHaveBeenCalled();
  });

  it('falls back to the full-page redirect when the hidden frame gives no answer', async () => {
    vi.mocked(userManager.signinSilent).mockRejectedValue(new Error('Frame window timed out'));
    await renderApp({ route: '/', serverSession: true });
    await waitFor(() => expect(userManager.signinRedirect).toHaveBeenCalledTimes(1));
    expect(userManager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/' } });
    expect(await screen.findByText('Taking you to sign in…')).toBeInTheDocument();
  });

  it('stays signed out, without a redirect, when the authorization server says the session is over', async () => {
    vi.mocked(userManager.signinSilent).mockRejectedValue(new ErrorResponse({ error: 'login_required' }));
    await renderApp({ route: '/', serverSession: true });
    await findPageHeading('InternetHospital');
    expect(await within(screen.getByRole('main')).findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(userManager.signinRedirect).not.toHaveBeenCalled();
  });

  it('explains an idle sign-out', async () => {
    window.sessionStorage.setItem(SIGNED_OUT_REASON_KEY, 'idle');
    await renderApp({ route: '/' });
    expect(await screen.findByText(/signed out after 30 minutes without activity/)).toBeInTheDocument();
  });
});

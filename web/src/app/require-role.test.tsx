import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userManager } from '@/lib/oidc';
import { findPageHeading, renderApp } from '@/testing/test-utils';

describe('role guard', () => {
  it.each([
    ['/workspace', 'Patient'],
    ['/my-health', 'Doctor'],
    ['/admin', 'Pharmacist'],
    ['/review-queue', 'SystemAdmin'],
    ['/security', 'Patient'],
  ] as const)('shows "Not allowed" on %s to a %s', async (route, role) => {
    await renderApp({ route, roles: [role] });
    await findPageHeading('Not allowed');
    expect(screen.getByText('Your account does not have access to this page.')).toBeInTheDocument();
  });

  it('shows "Not allowed" in Chinese too', async () => {
    await renderApp({ route: '/admin', roles: ['Patient'], language: 'zh-CN' });
    await findPageHeading('无权访问');
  });

  it('sends a signed-out visitor to sign in, remembering the page', async () => {
    await renderApp({ route: '/review-queue' });
    await waitFor(() => expect(userManager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/review-queue' } }));
    expect(screen.getByText('Taking you to sign in…')).toBeInTheDocument();
  });

  it('shows only the navigation of the user’s roles', async () => {
    await renderApp({ route: '/workspace', roles: ['Doctor'] });
    await findPageHeading('Workspace');
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(nav).toHaveTextContent('Workspace');
    expect(nav).toHaveTextContent('Security');
    expect(nav).not.toHaveTextContent('My health');
    expect(screen.getByRole('link', { name: 'Workspace' })).toHaveAttribute('aria-current', 'page');
  });
});

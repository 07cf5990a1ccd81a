import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const code = (value: string): Record<string, unknown> => ({
  code: value,
  issuedAt: '2026-12-06T08:00:00Z',
  expiresAt: '2026-12-06T08:01:00Z',
  lifetimeSeconds: 60,
  hasPin: false,
  pinLocked: false,
  staticCodeIssuedAt: null,
});

describe('My health code', () => {
  it.each([
    ['en', 'My health code', 'Set a 6-digit PIN'],
    ['zh-CN', '我的健康码', '设置 6 位 PIN'],
  ] as const)('shows the QR with its countdown and the printed-code PIN set-up (%s)', async (language, title, setPin) => {
    await renderApp({ route: '/health-code', roles: ['Patient'], language, api: { 'GET /api/patients/pat-1/health-code': code('HC1:abc.def') } });
    await findPageHeading(title);
    expect(await screen.findByTestId('health-code-qr')).toHaveAttribute('data-code', 'HC1:abc.def');
    expect(screen.getByText(/60/)).toBeInTheDocument();
    expect(screen.getByText(setPin)).toBeInTheDocument();
  });

  it('prints a static code after the PIN is set', async () => {
    const app = await renderApp({
      route: '/health-code',
      roles: ['Patient'],
      api: {
        'GET /api/patients/pat-1/health-code': { ...code('HC1:abc.def'), hasPin: true },
        'POST /api/patients/pat-1/health-code/static': { code: 'HCS:printed-code', issuedAt: '2026-12-06T08:00:00Z', patientName: 'Li Lei' },
      },
    });
    await findPageHeading('My health code');
    await app.user.click(await screen.findByRole('button', { name: 'Print a code' }));
    expect(await screen.findByText('HCS:printed-code')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument();
  });
});

import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, noContent, problemResponse, renderApp } from '@/testing/test-utils';

const setup = {
  enabled: false,
  sharedKey: 'JBSWY3DPEHPK3PXPJBSWY3DP',
  authenticatorUri: 'otpauth://totp/InternetHospital:dr.wang@example.com?secret=JBSWY3DPEHPK3PXP&issuer=InternetHospital',
};

describe('security page (staff two-factor)', () => {
  it.each([
    ['en', 'Security', 'QR code for your authenticator app', 'Authentication code'],
    ['zh-CN', '账户安全', '身份验证器应用二维码', '验证码'],
  ] as const)('renders in %s with the QR code, key and code field', async (language, title, qr, code) => {
    await renderApp({ route: '/security', roles: ['Doctor'], language, api: { 'GET /api/account/two-factor': setup } });
    await findPageHeading(title);
    expect(await screen.findByRole('img', { name: qr })).toBeInTheDocument();
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP')).toBeInTheDocument();
    expect(screen.getByLabelText(code)).toBeInTheDocument();
  });

  it('enables two-factor sign-in with a code', async () => {
    let enabled = false;
    const app = await renderApp({
      route: '/security',
      roles: ['Pharmacist'],
      api: {
        'GET /api/account/two-factor': () => Response.json({ ...setup, enabled }),
        'POST /api/account/two-factor/enable': (request) => {
          if ((request.body as { code: string }).code !== '654321') return problemResponse(400, { detail: 'Invalid code.', code: 'invalid_code' });
          enabled = true;
          return noContent();
        },
      },
    });
    await findPageHeading('Security');
    await app.user.type(await screen.findByLabelText('Authentication code'), '111111');
    await app.user.click(screen.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    expect(await screen.findByText('That code is not valid. Check your authenticator app and try again.')).toBeInTheDocument();
    await app.user.clear(screen.getByLabelText('Authentication code'));
    await app.user.type(screen.getByLabelText('Authentication code'), '654321');
    await app.user.click(screen.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    await waitFor(() => expect(screen.getAllByText('Two-factor sign-in is on').length).toBeGreaterThan(0));
  });
});

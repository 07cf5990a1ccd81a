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

  it('never shows the key once enrolled, and turns off only with the password and a current code', async () => {
    let enabled = true;
    const app = await renderApp({
      route: '/security',
      roles: ['Doctor'],
      api: {
        'GET /api/account/two-factor': () =>
          Response.json(enabled ? { enabled, sharedKey: null, authenticatorUri: null } : { ...setup, enabled }),
        'POST /api/account/two-factor/disable': (request) => {
          const body = request.body as { password: string; code: string };
          if (body.password !== 'my password' || body.code !== '654321') return problemResponse(400, { code: 'reauthentication_failed' });
          enabled = false;
          return noContent();
        },
      },
    });
    await findPageHeading('Security');
    await screen.findByRole('button', { name: 'Turn off two-factor sign-in' });
    expect(screen.queryByRole('img', { name: 'QR code for your authenticator app' })).not.toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Turn off two-factor sign-in' }));
    expect(await screen.findByText('Enter your password.')).toBeInTheDocument();
    expect(app.requests.some((r) => r.method === 'POST')).toBe(false);

    await app.user.type(screen.getByLabelText('Password', { selector: 'input' }), 'wrong password');
    await app.user.type(screen.getByLabelText('Authentication code'), '654321');
    await app.user.click(screen.getByRole('button', { name: 'Turn off two-factor sign-in' }));
    expect(await screen.findByText('The password or the code is not correct.')).toBeInTheDocument();

    await app.user.clear(screen.getByLabelText('Password', { selector: 'input' }));
    await app.user.type(screen.getByLabelText('Password', { selector: 'input' }), 'my password');
    await app.user.click(screen.getByRole('button', { name: 'Turn off two-factor sign-in' }));
    expect(await screen.findByRole('img', { name: 'QR code for your authenticator app' })).toBeInTheDocument();
  });

  it('asks for the password and code in Chinese too', async () => {
    await renderApp({
      route: '/security',
      roles: ['Pharmacist'],
      language: 'zh-CN',
      api: { 'GET /api/account/two-factor': { enabled: true, sharedKey: null, authenticatorUri: null } },
    });
    await findPageHeading('账户安全');
    expect(await screen.findByRole('button', { name: '关闭两步验证' })).toBeInTheDocument();
    expect(screen.getByLabelText('密码', { selector: 'input' })).toBeInTheDocument();
    expect(screen.getByLabelText('验证码')).toBeInTheDocument();
  });
});

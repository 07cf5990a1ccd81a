import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { browser } from '@/lib/browser';
import { userManager } from '@/lib/oidc';
import { findPageHeading, jsonResponse, problemResponse, renderApp } from '@/testing/test-utils';


const authorizeUrl = '/connect/authorize?client_id=internet-hospital-spa&response_type=code&code_challenge=abc';
const loginRoute = `/login?returnUrl=${encodeURIComponent(authorizeUrl)}`;

async function fillAndSubmit(
  user: Awaited<ReturnType<typeof renderApp>>['user'],
  email = 'li.lei@example.com',
  password = 'wrong-password',
): Promise<void> {
  await user.type(screen.getByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('login page', () => {
  let redirectTo: MockInstance<(url: string) => void>;
  beforeEach(() => {
    redirectTo = vi.spyOn(browser, 'redirectTo').mockImplementation(() => undefined);
  });

  it.each([
    ['en', 'Sign in', 'Email', 'Password'],
    ['zh-CN', '登录', '电子邮箱', '密码'],
  ] as const)('renders in %s with labelled fields', async (language, title, email, password) => {
    await renderApp({ route: '/login', language });
    await findPageHeading(title);
    expect(screen.getByLabelText(email)).toBeInTheDocument();
    expect(screen.getByLabelText(password)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: title })).toBeInTheDocument();
  });

  it('says clearly that sign-in is paused and for how long (403 locked_out), in words that fit an unknown address too', async () => {
    const lockoutEnd = new Date(Date.now() + 15 * 60_000).toISOString();
    const { user } = await renderApp({
      route: loginRoute,
      api: {
        'POST /api/account/login': () =>
          problemResponse(403, { title: 'Forbidden', detail: 'Locked out.', code: 'locked_out', lockoutEnd }),
      },
    });
    await findPageHeading('Sign in');
    await fillAndSubmit(user);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign-in paused');
    expect(alert).toHaveTextContent(
      'Too many failed sign-in attempts with this e-mail address. Try again in 15 minutes.',
    );
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it('shows the locked message in Chinese too', async () => {
    const lockoutEnd = new Date(Date.now() + 14.5 * 60_000).toISOString();
    const { user } = await renderApp({
      route: '/login',
      language: 'zh-CN',
      api: { 'POST /api/account/login': () => problemResponse(403, { code: 'locked_out', lockoutEnd }) },
    });
    await findPageHeading('登录');
    await user.type(screen.getByLabelText('电子邮箱'), 'li.lei@example.com');
    await user.type(screen.getByLabelText('密码'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请在 15 分钟后重试');
  });

  it('explains wrong credentials (401 invalid_credentials) and rate limiting (429)', async () => {
    let calls = 0;
    const { user } = await renderApp({
      route: loginRoute,
      api: {
        'POST /api/account/login': () =>
          ++calls === 1
            ? problemResponse(401, { code: 'invalid_credentials', detail: 'Invalid.' })
            : problemResponse(429, { title: 'Too Many Requests' }, { 'Retry-After': '30' }),
      },
    });
    await findPageHeading('Sign in');
    await fillAndSubmit(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('The e-mail or password is incorrect.');
    await user.type(screen.getByLabelText('Password'), 'again');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Too many attempts. Please wait 30 seconds and try again.')).toBeInTheDocument();
  });

  it('returns to the authorization endpoint after signing in', async () => {
    const { user, requests } = await renderApp({
      route: loginRoute,
      api: { 'POST /api/account/login': { status: 'signedIn' } },
    });
    await findPageHeading('Sign in');
    await fillAndSubmit(user, 'li.lei@example.com', 'correct-password');
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith(authorizeUrl));
    expect(requests.find((r) => r.path === '/api/account/login')?.body).toEqual({
      email: 'li.lei@example.com',
      password: 'correct-password',
    });
  });

  it('ignores a returnUrl that is not the authorization endpoint and starts a fresh sign-in', async () => {
    const { user } = await renderApp({
      route: `/login?returnUrl=${encodeURIComponent('https://evil.example/')}`,
      api: { 'POST /api/account/login': { status: 'signedIn' } },
    });
    await findPageHeading('Sign in');
    await fillAndSubmit(user, 'li.lei@example.com', 'correct-password');
    await waitFor(() => expect(userManager.signinRedirect).toHaveBeenCalledTimes(1));
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it('asks staff with two-factor enabled for the code', async () => {
    const { user, requests } = await renderApp({
      route: loginRoute,
      api: {
        'POST /api/account/login': { status: 'twoFactorRequired' },
        'POST /api/account/login/two-factor': (request) =>
          (request.body as { code: string }).code === '123456'
            ? jsonResponse({ status: 'signedIn' })
            : problemResponse(401, { code: 'invalid_code' }),
      },
    });
    await findPageHeading('Sign in');
    await fillAndSubmit(user, 'dr.wang@example.com', 'correct-password');
    const code = await screen.findByLabelText('Authentication code');
    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code is not valid.');
    await user.type(screen.getByLabelText('Authentication code'), '123 456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith(authorizeUrl));
    expect(requests.filter((r) => r.path === '/api/account/login/two-factor').at(-1)?.body).toEqual({ code: '123456' });
  });

  it('shows the server’s refusal of a field under that field, not in the banner', async () => {
    const { user } = await renderApp({
      route: loginRoute,
      api: {
        'POST /api/account/login': () =>
          problemResponse(400, { code: 'validation_failed', errors: { email: ['Enter a shorter e-mail address.'] }, fieldCodes: { email: ['maximum_length'] } }),
      },
    });
    await findPageHeading('Sign in');
    await fillAndSubmit(user);

    await waitFor(() => expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a shorter e-mail address.'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it('validates before calling the server', async () => {
    const { user, requests } = await renderApp({ route: '/login' });
    await findPageHeading('Sign in');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your e-mail address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(requests.some((r) => r.path === '/api/account/login')).toBe(false);
  });

  it('welcomes a newly registered user with the e-mail filled in', async () => {
    await renderApp({ route: '/login', routerState: { registeredEmail: 'new@example.com' } });
    await findPageHeading('Sign in');
    expect(screen.getByText('Your account has been created. Sign in with your e-mail and password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('new@example.com');
  });

  describe('with a mobile number and an SMS code', () => {
    it('texts a code and signs in with it, then returns to the authorization endpoint like a password', async () => {
      const { user, requests } = await renderApp({
        route: loginRoute,
        api: {
          'POST /api/account/login/mobile-code': () => jsonResponse({ accepted: true, expiresInSeconds: 300, retryAfterSeconds: null }, 202),
          'POST /api/account/login/mobile': () => jsonResponse({ status: 'signedIn' }),
        },
      });
      await findPageHeading('Sign in');
      await user.click(screen.getByRole('tab', { name: 'With SMS code' }));
      await user.type(screen.getByLabelText('Mobile number'), '139 0000 0002');
      await user.click(screen.getByRole('button', { name: 'Send code' }));
      expect(await screen.findByText(/a code is on its way by SMS/)).toBeInTheDocument();
      expect(requests.find((r) => r.path === '/api/account/login/mobile-code')?.body).toEqual({ mobile: '13900000002', language: 'en' });

      await user.type(screen.getByLabelText('Code from the SMS'), '123 456');
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
      await waitFor(() => expect(redirectTo).toHaveBeenCalledWith(authorizeUrl));
      expect(requests.find((r) => r.path === '/api/account/login/mobile')?.body).toEqual({ mobile: '13900000002', code: '123456' });
    });

    it.each([
      ['en', 'With SMS code', 'Mobile number', 'Code from the SMS', 'Send code'],
      ['zh-CN', '验证码登录', '手机号码', '短信验证码', '获取验证码'],
    ] as const)('is offered in %s next to the password', async (language, tab, mobile, code, send) => {
      const { user } = await renderApp({ route: '/login', language });
      await user.click(await screen.findByRole('tab', { name: tab }));
      expect(screen.getByLabelText(mobile)).toBeInTheDocument();
      expect(screen.getByLabelText(code)).toBeInTheDocument();
      expect(screen.getByRole('button', { name: send })).toBeInTheDocument();
    });

    it('says a wrong code is wrong (401 invalid_sms_code) and that the number is paused after five (403)', async () => {
      let attempt = 0;
      const lockoutEnd = new Date(Date.now() + 15 * 60_000).toISOString();
      const { user } = await renderApp({
        route: loginRoute,
        api: {
          'POST /api/account/login/mobile': () =>
            ++attempt === 1
              ? problemResponse(401, { title: 'Unauthorized', code: 'invalid_sms_code' })
              : problemResponse(403, { title: 'Forbidden', code: 'locked_out', lockoutEnd }),
        },
      });
      await findPageHeading('Sign in');
      await user.click(screen.getByRole('tab', { name: 'With SMS code' }));
      await user.type(screen.getByLabelText('Mobile number'), '13900000002');
      await user.type(screen.getByLabelText('Code from the SMS'), '000000');
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('That code is not valid or has expired.');

      await user.type(screen.getByLabelText('Code from the SMS'), '000000');
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Too many wrong codes for this number. Try again in 15 minutes.'));
      expect(redirectTo).not.toHaveBeenCalled();
    });
  });
});

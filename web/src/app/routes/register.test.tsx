import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, jsonResponse, problemResponse, renderApp, type RenderAppResult } from '@/testing/test-utils';
import { residentIdCheckChar } from '@/lib/resident-id';
import { defaultServerSettings } from '@/lib/server-settings';

// Valid GB 11643 numbers (check character computed with the standard's weights).
const MALE_1990 = '440304199003072515';
const FEMALE_1949 = '11010519491231002X';

async function fillValidForm(app: RenderAppResult, idNumber = MALE_1990): Promise<void> {
  const { user } = app;
  await user.type(screen.getByLabelText('Full name'), 'Zhang San');
  await user.type(screen.getByLabelText('ID number'), idNumber);
  await user.type(screen.getByLabelText('Mobile number'), '13800138000');
  await user.type(screen.getByLabelText('Code from the SMS'), '123456');
  await user.type(screen.getByLabelText('Email'), 'zhang.san@example.com');
  await user.type(screen.getByLabelText('Password'), 'correct horse');
}

describe('register page', () => {
  it.each([
    ['en', 'Create your account', ['Full name', 'ID type', 'ID number', 'Date of birth', 'Sex', 'Mobile number', 'Code from the SMS', 'Email', 'Password'], 'Create account'],
    ['zh-CN', '创建账户', ['姓名', '证件类型', '证件号码', '出生日期', '性别', '手机号码', '短信验证码', '电子邮箱', '密码'], '创建账户'],
  ] as const)('renders in %s with every field labelled', async (language, title, labels, submit) => {
    await renderApp({ route: '/register', language });
    await findPageHeading(title);
    for (const label of labels) expect(screen.getByLabelText(label)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: submit })).toBeInTheDocument();
  });

  it('derives date of birth and sex from a resident ID number', async () => {
    const app = await renderApp({ route: '/register' });
    await findPageHeading('Create your account');
    await app.user.type(screen.getByLabelText('ID number'), MALE_1990);
    expect(screen.getByLabelText('Date of birth')).toHaveValue('1990-03-07');
    expect(screen.getByLabelText('Sex')).toHaveValue('Male');
    expect(screen.getAllByText('Filled in from your ID number.').length).toBeGreaterThan(0);

    await app.user.clear(screen.getByLabelText('ID number'));
    await app.user.type(screen.getByLabelText('ID number'), FEMALE_1949.toLowerCase());
    expect(screen.getByLabelText('ID number')).toHaveValue(FEMALE_1949);
    expect(screen.getByLabelText('Date of birth')).toHaveValue('1949-12-31');
    expect(screen.getByLabelText('Sex')).toHaveValue('Female');
  });

  it('rejects a resident ID number whose check character is wrong', async () => {
    const app = await renderApp({ route: '/register' });
    await findPageHeading('Create your account');
    await app.user.type(screen.getByLabelText('ID number'), '440304199003072510');
    await app.user.tab();
    expect(await screen.findByText('This ID number is not valid: please check it for typing errors.')).toBeInTheDocument();
    expect(screen.getByLabelText('ID number')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Date of birth')).toHaveValue('');
  });

  it('tells a family to register the guardian when the ID number is a child under six', async () => {
    const app = await renderApp({ route: '/register' });
    await findPageHeading('Create your account');
    const born = new Date();
    born.setFullYear(born.getFullYear() - 3);
    const first17 = `440304${born.toISOString().slice(0, 10).replaceAll('-', '')}251`;
    await app.user.type(screen.getByLabelText('ID number'), first17 + residentIdCheckChar(first17));
    await app.user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('A child under 6 is seen online only with a guardian, whose account acts for them: register the guardian instead.')).toBeInTheDocument();
    expect(screen.getByLabelText('Date of birth')).toHaveAttribute('aria-invalid', 'true');
  });

  it('does not apply the resident ID rules to passports', async () => {
    const app = await renderApp({ route: '/register' });
    await findPageHeading('Create your account');
    await app.user.selectOptions(screen.getByLabelText('ID type'), 'Passport');
    await app.user.type(screen.getByLabelText('ID number'), 'E12345678');
    await app.user.tab();
    expect(screen.queryByText(/ID number is not valid|has 18 characters/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Date of birth')).toHaveValue('');
  });

  it('requires a password of at least 8 characters', async () => {
    const app = await renderApp({ route: '/register' });
    await findPageHeading('Create your account');
    await app.user.type(screen.getByLabelText('Password'), 'short');
    await app.user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('The password must be at least 8 characters long.')).toBeInTheDocument();
    expect(screen.getByText('Please correct the highlighted fields.')).toBeInTheDocument();
    expect(app.requests.some((r) => r.path === '/api/account/register')).toBe(false);
  });

  it('asks a zh-CN user, in Chinese, for the minimum password length the server sets', async () => {
    const app = await renderApp({
      route: '/register',
      language: 'zh-CN',
      api: { 'GET /api/config': () => jsonResponse({ ...defaultServerSettings, passwordMinLength: 12 }) },
    });
    await findPageHeading('创建账户');
    expect(await screen.findByText('至少 12 个字符。')).toBeInTheDocument();

    await app.user.type(screen.getByLabelText('密码'), 'eleven char'); // 11: enough for a copy of the default, not for the server
    await app.user.click(screen.getByRole('button', { name: '创建账户' }));
    expect(await screen.findByText('密码至少需要 12 个字符。')).toBeInTheDocument();
    expect(app.requests.some((r) => r.path === '/api/account/register')).toBe(false);
  });

  it('registers, then goes to sign-in with a success message and the e-mail filled in', async () => {
    const app = await renderApp({
      route: '/register',
      api: { 'POST /api/account/register': () => jsonResponse({ accountId: 'a1', patientId: 'p1' }, 201) },
    });
    await findPageHeading('Create your account');
    await fillValidForm(app);
    await app.user.click(screen.getByRole('button', { name: 'Create account' }));
    await findPageHeading('Sign in');
    expect(screen.getByText('Your account has been created. Sign in with your e-mail and password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('zhang.san@example.com');
    expect(app.requests.find((r) => r.path === '/api/account/register')?.body).toEqual({
      fullName: 'Zhang San',
      idType: 'ResidentId',
      idNumber: MALE_1990,
      dateOfBirth: '1990-03-07',
      sex: 'Male',
      mobile: '13800138000',
      mobileCode: '123456',
      email: 'zhang.san@example.com',
      password: 'correct horse',
    });
  });

  it('shows server field errors next to the fields (400) and duplicates (409)', async () => {
    let attempt = 0;
    const app = await renderApp({
      route: '/register',
      api: {
        'POST /api/account/register': () =>
          ++attempt === 1
            ? problemResponse(400, { title: 'Validation failed', errors: { mobile: ['Mobile number is not valid.'] } })
            : problemResponse(409, { code: 'duplicate_email', detail: 'Email taken.' }),
      },
    });
    await findPageHeading('Create your account');
    await fillValidForm(app);
    await app.user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Mobile number is not valid.')).toBeInTheDocument();
    expect(screen.getByLabelText('Mobile number')).toHaveAttribute('aria-invalid', 'true');

    await app.user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
        'An account with this e-mail already exists. Sign in instead, or use another e-mail.',
      ),
    );
  });

  it('texts a code to prove the mobile number, then counts down before another may be sent', async () => {
    const app = await renderApp({
      route: '/register',
      api: { 'POST /api/account/register/mobile-code': () => jsonResponse({ accepted: true, expiresInSeconds: 300, retryAfterSeconds: null }, 202) },
    });
    await findPageHeading('Create your account');
    await app.user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText('Enter your mobile number.')).toBeInTheDocument();
    expect(app.requests.some((r) => r.path === '/api/account/register/mobile-code')).toBe(false);

    await app.user.type(screen.getByLabelText('Mobile number'), '138 0013 8000');
    await app.user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText('A code is on its way to this number by SMS. It is valid for 5 minutes.')).toBeInTheDocument();
    expect(app.requests.find((r) => r.path === '/api/account/register/mobile-code')?.body).toEqual({ mobile: '13800138000', language: 'en' });
    expect(screen.getByRole('button', { name: /^Again in \d+ s$/ })).toBeDisabled();
  });

  it('asks for the code from the SMS before registering', async () => {
    const app = await renderApp({ route: '/register' });
    await findPageHeading('Create your account');
    await app.user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Enter the 6-digit code from the SMS.')).toBeInTheDocument();
    expect(screen.getByLabelText('Code from the SMS')).toHaveAttribute('aria-invalid', 'true');
  });
});

import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, problemResponse, renderApp } from '@/testing/test-utils';

const PHARMACIST = '0190f5c8-0000-7000-8000-0000000000a1';
const DOCTOR = '0190f5c8-0000-7000-8000-0000000000a2';

function account(id: string, fullName: string, roles: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, fullName, email: `${id}@example.test`, roles, isDisabled: false, lockedUntil: null, twoFactorEnabled: false, createdAt: '2026-11-01T00:00:00+00:00', ...extra };
}

const accounts = [
  account(PHARMACIST, '孙丽', ['Pharmacist']),
  account(DOCTOR, '李伟', ['Doctor'], { lockedUntil: '2126-11-01T00:00:00+00:00', twoFactorEnabled: true }),
  account('acc-1', 'Li Lei', ['SecurityAdmin']),
];

describe('staff accounts page (security administrator)', () => {
  it.each([
    ['en', 'Staff accounts', 'Pharmacist', 'Disable', 'This is your account: another security administrator changes it.'],
    ['zh-CN', '员工账号', '药师', '停用', '这是您本人的账号，需由另一位安全管理员更改。'],
  ] as const)('renders in %s with each account’s role and actions', async (language, title, role, disable, own) => {
    await renderApp({ route: '/admin/accounts', roles: ['SecurityAdmin'], language, api: { 'GET /api/admin/accounts': accounts } });
    await findPageHeading(title);
    const pharmacist = await screen.findByRole('region', { name: '孙丽' });
    // The badge, and the current choice of the role picker.
    expect(within(pharmacist).getAllByText(role)).toHaveLength(2);
    expect(within(pharmacist).getByRole('button', { name: disable })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Li Lei' })).getByText(own)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Li Lei' })).queryByRole('button')).not.toBeInTheDocument();
  });

  it('disables, unlocks and changes a role, and has no serious accessibility problems', async () => {
    const app = await renderApp({
      route: '/admin/accounts',
      roles: ['SecurityAdmin'],
      api: {
        'GET /api/admin/accounts': accounts,
        [`POST /api/admin/accounts/${PHARMACIST}/disable`]: account(PHARMACIST, '孙丽', ['Pharmacist'], { isDisabled: true }),
        [`POST /api/admin/accounts/${DOCTOR}/unlock`]: account(DOCTOR, '李伟', ['Doctor']),
        [`PUT /api/admin/accounts/${PHARMACIST}/role`]: account(PHARMACIST, '孙丽', ['AuditAdmin']),
      },
    });
    const pharmacist = await screen.findByRole('region', { name: '孙丽' });
    expect(await act(() => seriousA11yViolations())).toEqual([]);

    await app.user.click(within(pharmacist).getByRole('button', { name: 'Disable' }));
    expect(app.requests.some((r) => r.method === 'POST' && r.path === `/api/admin/accounts/${PHARMACIST}/disable`)).toBe(true);

    const doctor = screen.getByRole('region', { name: '李伟' });
    expect(within(doctor).getByText(/^Locked until/)).toBeInTheDocument();
    // A doctor's role comes with their profile: no role choice here.
    expect(within(doctor).queryByLabelText('Role')).not.toBeInTheDocument();
    await app.user.click(within(doctor).getByRole('button', { name: 'Unlock' }));
    expect(app.requests.some((r) => r.method === 'POST' && r.path === `/api/admin/accounts/${DOCTOR}/unlock`)).toBe(true);

    await app.user.selectOptions(within(pharmacist).getByLabelText('Role'), 'AuditAdmin');
    await app.user.click(within(pharmacist).getByRole('button', { name: 'Change role' }));
    expect(app.requests.find((r) => r.method === 'PUT')?.body).toEqual({ role: 'AuditAdmin' });
  });

  it('says why the server refused', async () => {
    const app = await renderApp({
      route: '/admin/accounts',
      roles: ['SecurityAdmin'],
      api: {
        'GET /api/admin/accounts': accounts,
        [`POST /api/admin/accounts/${PHARMACIST}/lock`]: () => problemResponse(409, { code: 'own_account' }),
      },
    });
    const pharmacist = await screen.findByRole('region', { name: '孙丽' });
    await app.user.click(within(pharmacist).getByRole('button', { name: 'Lock' }));
    expect(await within(pharmacist).findByRole('alert')).toHaveTextContent('You cannot change your own account: another security administrator must do it.');
  });

  it('is not open to the other administrators', async () => {
    await renderApp({ route: '/admin/accounts', roles: ['SystemAdmin'] });
    await findPageHeading('Not allowed');
  });
});

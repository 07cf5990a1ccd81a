import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const PATIENT = '0190f5c8-0000-7000-8000-000000000001';

const trail = {
  items: [
    {
      id: 'e1',
      at: '2026-11-28T01:30:00+00:00',
      actorAccountId: 'a1',
      actorName: '周强',
      actorRoles: 'SystemAdmin',
      patientId: PATIENT,
      action: 'appointment.break_glass_read',
      resource: 'Appointment',
      resourceId: 'ap1',
      ipAddress: '10.0.0.7',
      detail: 'Patient phoned about a double booking',
    },
  ],
  page: 1,
  pageSize: 50,
  total: 1,
};

describe('audit log page (audit administrator)', () => {
  it.each([
    ['en', 'Audit log', 'Verify now'],
    ['zh-CN', '审计日志', '立即校验'],
  ] as const)('renders in %s', async (language, title, verify) => {
    await renderApp({ route: '/admin/audit', roles: ['AuditAdmin'], language });
    await findPageHeading(title);
    expect(screen.getByRole('button', { name: verify })).toBeInTheDocument();
  });

  it('verifies the chain and shows who touched a patient’s data, with no serious accessibility problems', async () => {
    const app = await renderApp({
      route: '/admin/audit',
      roles: ['AuditAdmin'],
      api: {
        'GET /api/admin/audit/verify': { intact: true, checked: 42, brokenAtSequence: null, problem: null, unsealed: 0 },
        'POST /api/admin/patients/search': [{ id: PATIENT, name: '张伟', maskedIdNumber: '4401**********1234', dateOfBirth: '1965-03-12', sex: 'Male', hisPatientId: null }],
        'GET /api/admin/audit': trail,
      },
    });
    await findPageHeading('Audit log');
    await app.user.click(screen.getByRole('button', { name: 'Verify now' }));
    expect(await screen.findByText('The audit log is intact (42 entries checked).')).toBeInTheDocument();

    await app.user.type(screen.getByLabelText('ID number (exact)'), '440106196503121234');
    await app.user.click(screen.getByRole('button', { name: 'Find patient' }));
    // The number travels in the body, never in the URL.
    const search = app.requests.find((r) => r.path === '/api/admin/patients/search');
    expect(search?.body).toEqual({ idNumber: '440106196503121234', name: null });
    await app.user.click(await screen.findByRole('radio', { name: /^张伟 · 4401\*{10}1234/ }));
    const row = (await screen.findByText('appointment.break_glass_read')).closest('tr')!;
    expect(within(row).getByText('Patient phoned about a double booking')).toBeInTheDocument();
    expect(within(row).getByText('周强 (SystemAdmin)')).toBeInTheDocument();
    expect(app.requests.find((r) => r.path === '/api/admin/audit')?.search).toContain(`patientId=${PATIENT}`);
    expect(await act(() => seriousA11yViolations())).toEqual([]);
  });

  it('reports a broken chain', async () => {
    const app = await renderApp({
      route: '/admin/audit',
      roles: ['AuditAdmin'],
      api: { 'GET /api/admin/audit/verify': { intact: false, checked: 7, brokenAtSequence: 5, problem: 'the entry was changed after it was sealed', unsealed: 0 } },
    });
    await findPageHeading('Audit log');
    await app.user.click(screen.getByRole('button', { name: 'Verify now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The audit log has been altered at entry 5: the entry was changed after it was sealed');
  });

  it('is not open to the system administrator', async () => {
    await renderApp({ route: '/admin/audit', roles: ['SystemAdmin'] });
    await findPageHeading('Not allowed');
  });
});

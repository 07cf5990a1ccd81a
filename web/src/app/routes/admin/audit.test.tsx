import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

const ACTIONS = ['appointment.break_glass_read', 'patient.searched', 'visit.read', 'his.outbox.message.read'];

describe('audit log page (audit administrator)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

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
        'GET /api/admin/audit/actions': ACTIONS,
        'GET /api/admin/audit/export': () => new Response('\uFEFFat,actor_name\r\n', { headers: { 'Content-Type': 'text/csv; charset=utf-8' } }),
      },
    });
    const createObjectURL = vi.fn(() => 'blob:audit');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await findPageHeading('Audit log');
    await app.user.click(screen.getByRole('button', { name: 'Verify now' }));
    expect(await screen.findByText('The audit log is intact (42 entries checked).')).toBeInTheDocument();

    await app.user.type(screen.getByLabelText('ID number (exact)'), '440106196503121234');
    await app.user.click(screen.getByRole('button', { name: 'Find patient' }));
    // The number travels in the body, never in the URL.
    const search = app.requests.find((r) => r.path === '/api/admin/patients/search');
    expect(search?.body).toEqual({ idNumber: '440106196503121234', name: null });
    await app.user.click(await screen.findByRole('radio', { name: /^张伟 · 4401\*{10}1234/ }));
    const row = (await screen.findByRole('cell', { name: 'Emergency access to an appointment (appointment.break_glass_read)' })).closest('tr')!;
    expect(within(row).getByText('Patient phoned about a double booking')).toBeInTheDocument();
    expect(within(row).getByText('周强 (SystemAdmin)')).toBeInTheDocument();
    expect(app.requests.find((r) => r.path === '/api/admin/audit')?.search).toContain(`patientId=${PATIENT}`);
    expect(screen.getByText('1 entry found.')).toBeInTheDocument();
    expect(await act(() => seriousA11yViolations())).toEqual([]);

    // The CSV is the same search, fetched with the token and handed to the browser as a file.
    await app.user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await vi.waitFor(() => expect(click).toHaveBeenCalled());
    const exported = app.requests.find((r) => r.path === '/api/admin/audit/export');
    expect(new URLSearchParams(exported?.search).get('patientId')).toBe(PATIENT);
    expect(createObjectURL).toHaveBeenCalled();
  });

  it.each([
    ['en', 'Person', 'Action', 'From (day)', 'To (day, inclusive)', 'Search', 'Patient searched (patient.searched)', 'Page 2'],
    ['zh-CN', '操作人', '操作', '开始日期', '结束日期（含当天）', '查询', '查找患者 (patient.searched)', '第 2 页'],
  ] as const)('in %s, the filters send the person, action, hospital-zone days and page', async (language, person, action, from, to, search, label, page2) => {
    const app = await renderApp({
      route: '/admin/audit',
      roles: ['AuditAdmin'],
      language,
      api: { 'GET /api/admin/audit/actions': ACTIONS, 'GET /api/admin/audit': { ...trail, pageSize: 1, total: 3 } },
    });
    await app.user.type(await screen.findByLabelText(person), 'audit.wu@demo.test');
    const select = screen.getByRole('combobox', { name: action });
    await within(select).findByRole('option', { name: label });
    // An action the SPA has no words for is listed by its code.
    expect(within(select).getByRole('option', { name: 'his.outbox.message.read' })).toBeInTheDocument();
    await app.user.selectOptions(select, 'patient.searched');
    fireEvent.change(screen.getByLabelText(from), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText(to), { target: { value: '2026-11-30' } });
    await app.user.click(screen.getByRole('button', { name: search }));

    await screen.findByRole('button', { name: page2 });
    const query = new URLSearchParams(app.requests.filter((r) => r.path === '/api/admin/audit').at(-1)?.search);
    expect(query.get('actor')).toBe('audit.wu@demo.test');
    expect(query.get('action')).toBe('patient.searched');
    // Midnight in Beijing on the first day, and the start of the day after the last (the server's "to" is exclusive).
    expect(query.get('from')).toBe('2026-10-31T16:00:00.000Z');
    expect(query.get('to')).toBe('2026-11-30T16:00:00.000Z');
    expect(query.get('patientId')).toBeNull();
    expect(query.get('page')).toBe('1');

    await app.user.click(screen.getByRole('button', { name: page2 }));
    await vi.waitFor(() => expect(new URLSearchParams(app.requests.filter((r) => r.path === '/api/admin/audit').at(-1)?.search).get('page')).toBe('2'));
    expect(new URLSearchParams(app.requests.filter((r) => r.path === '/api/admin/audit').at(-1)?.search).get('action')).toBe('patient.searched');
  });

  it('refuses a last day before the first', async () => {
    await renderApp({ route: '/admin/audit', roles: ['AuditAdmin'], api: { 'GET /api/admin/audit/actions': ACTIONS } });
    await findPageHeading('Audit log');
    fireEvent.change(screen.getByLabelText('Person'), { target: { value: '吴刚' } });
    fireEvent.change(screen.getByLabelText('From (day)'), { target: { value: '2026-11-30' } });
    fireEvent.change(screen.getByLabelText('To (day, inclusive)'), { target: { value: '2026-11-01' } });
    expect(screen.getByText('The last day is before the first.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Search' })).toBeDisabled();
  });

  it.each([
    ['en', 'Verify now', 'The audit log has been altered at entry 5: the entry was changed after it was sealed', 'Last signed checkpoint: entry 4, written'],
    ['zh-CN', '立即校验', '审计日志在第 5 条处被篡改：该记录在封存后被修改', '最近的签名检查点：第 4 条'],
  ] as const)('in %s, reports a broken chain and its checkpoint', async (language, verify, message, checkpoint) => {
    const app = await renderApp({
      route: '/admin/audit',
      roles: ['AuditAdmin'],
      language,
      api: {
        'GET /api/admin/audit/actions': ACTIONS,
        'GET /api/admin/audit/verify': {
          intact: false, checked: 4, brokenAtSequence: 5, problem: 'the entry was changed after it was sealed', reason: 'entry_changed',
          unsealed: 0, headSequence: 9, tailCut: false, checkpointSequence: 4, checkpointAt: '2026-12-01T02:00:00+00:00', rejectedCheckpoints: 0,
        },
      },
    });
    await app.user.click(await screen.findByRole('button', { name: verify }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByText(new RegExp(`^${checkpoint}`))).toBeInTheDocument();
  });

  it('reports a cut-off tail and forged checkpoints', async () => {
    const app = await renderApp({
      route: '/admin/audit',
      roles: ['AuditAdmin'],
      api: {
        'GET /api/admin/audit/actions': ACTIONS,
        'GET /api/admin/audit/verify': {
          intact: false, checked: 120, brokenAtSequence: 121, problem: 'the newest entries were removed', reason: 'tail_cut',
          unsealed: 0, headSequence: 120, tailCut: true, checkpointSequence: 130, checkpointAt: '2026-12-01T02:00:00+00:00', rejectedCheckpoints: 2,
        },
      },
    });
    await app.user.click(await screen.findByRole('button', { name: 'Verify now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The newest entries of the audit log were removed: the log ends at entry 120, but a signed checkpoint saw it reach entry 130.',
    );
    expect(screen.getByText('120 sealed entries checked; the newest is number 120.')).toBeInTheDocument();
    expect(screen.getByText('2 checkpoints were rejected: their signature does not hold, so someone without the key wrote them.')).toBeInTheDocument();
  });

  it('says so when no checkpoint exists yet (zh-CN)', async () => {
    const app = await renderApp({
      route: '/admin/audit',
      roles: ['AuditAdmin'],
      language: 'zh-CN',
      api: {
        'GET /api/admin/audit/actions': ACTIONS,
        'GET /api/admin/audit/verify': { intact: true, checked: 3, brokenAtSequence: null, problem: null, unsealed: 2, headSequence: 3, tailCut: false, checkpointSequence: null, checkpointAt: null, rejectedCheckpoints: 0 },
      },
    });
    await app.user.click(await screen.findByRole('button', { name: '立即校验' }));
    expect(await screen.findByRole('status')).toHaveTextContent('审计日志完整（已校验 3 条）。');
    expect(screen.getByText('尚未写入任何签名检查点。')).toBeInTheDocument();
    expect(screen.getByText('有 2 条新记录尚未封存（封存每隔几秒运行一次）。')).toBeInTheDocument();
  });

  it('is not open to the system administrator', async () => {
    await renderApp({ route: '/admin/audit', roles: ['SystemAdmin'] });
    await findPageHeading('Not allowed');
  });
});

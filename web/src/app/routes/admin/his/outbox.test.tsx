import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, renderApp, type RecordedRequest } from '@/testing/test-utils';

const PATIENT = '0190f5c8-0000-7000-8000-000000000001';

function item(index: number, status: string): Record<string, unknown> {
  return {
    id: `0190f5c8-0000-7000-8000-${String(index).padStart(12, '0')}`,
    kind: index % 2 === 0 ? 'appointment.booked' : 'patient.registered',
    patientId: PATIENT,
    status,
    attempts: status === 'DeadLettered' ? 8 : 1,
    totalAttempts: status === 'DeadLettered' ? 8 : 1,
    createdAt: '2025-11-28T01:30:00.1234567+00:00',
    nextAttemptAt: '2025-11-28T01:30:00+00:00',
    deliveredAt: status === 'Delivered' ? '2025-11-28T01:30:01+00:00' : null,
    deadLetteredAt: status === 'DeadLettered' ? '2025-11-28T02:00:00+00:00' : null,
    lastError: status === 'DeadLettered' ? 'AE (application error): 科室代码未知 | unknown department' : null,
  };
}

/** 30 messages (2 dead letters); ?status filters, 25 a page. */
function outbox(request: RecordedRequest): Response {
  const query = new URLSearchParams(request.search);
  const all = Array.from({ length: 30 }, (_, i) => item(i, i < 2 ? 'DeadLettered' : 'Delivered'));
  const status = query.get('status');
  const matching = status ? all.filter((m) => m.status === status) : all;
  const page = Number(query.get('page') ?? 1);
  return Response.json({
    items: matching.slice((page - 1) * 25, page * 25),
    total: matching.length,
    page,
    pageSize: 25,
    counts: { Pending: 0, Delivered: 28, DeadLettered: 2, Discarded: 0 },
  });
}

const kinds = ['appointment.booked', 'appointment.modified', 'patient.registered'];
const api = { 'GET /api/admin/his/outbox': outbox, 'GET /api/admin/his/outbox/kinds': kinds };

describe('HIS messages page', () => {
  it.each([
    ['en', 'HIS messages', 'Main navigation', 'Administration', 'Appointment booked', 'Dead letter (2)', '2 dead letters need you'],
    ['zh-CN', 'HIS 消息', '主导航', '系统管理', '预约挂号', '死信（2）', '有 2 条死信需要处理'],
  ] as const)('renders in %s: its own nav item, status counts, the dead-letter warning and the table', async (language, title, nav, admin, kind, deadTab, warning) => {
    await renderApp({ route: '/admin/his', roles: ['SystemAdmin'], language, api });
    await findPageHeading(title);
    const navigation = screen.getByRole('navigation', { name: nav });
    expect(within(navigation).getByRole('link', { name: title })).toHaveAttribute('aria-current', 'page');
    // The most specific item is the current one, not the Administration home it sits under.
    expect(within(navigation).getByRole('link', { name: admin })).not.toHaveAttribute('aria-current');
    expect(await screen.findByRole('radio', { name: deadTab })).toBeInTheDocument();
    expect(screen.getByText(warning)).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: kind }).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/科室代码未知/)).toHaveLength(2);
  });

  it('shows the dead letters, opens one and has no serious accessibility problems', async () => {
    const app = await renderApp({ route: '/admin/his', roles: ['SystemAdmin'], api });
    await findPageHeading('HIS messages');
    await screen.findByText('2 dead letters need you');
    expect(await act(() => seriousA11yViolations())).toEqual([]);

    await app.user.click(screen.getByRole('button', { name: 'Show dead letters' }));
    await waitFor(() => expect(app.router.state.location.search).toBe('?status=DeadLettered'));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(screen.queryByText('2 dead letters need you')).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Dead letter (2)' })).toBeChecked();
    expect(app.requests.some((r) => r.path === '/api/admin/his/outbox' && r.search.includes('status=DeadLettered'))).toBe(true);

    await app.user.click(screen.getAllByRole('link', { name: 'Appointment booked' })[0]!);
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/admin/his/messages/0190f5c8-0000-7000-8000-000000000000'));
  });

  it('filters by kind, patient and days in the hospital zone, and refuses a patient id that is not one', async () => {
    const app = await renderApp({ route: '/admin/his', roles: ['SystemAdmin'], api });
    await findPageHeading('HIS messages');
    const filters = await screen.findByRole('search', { name: 'Filters' });

    await app.user.type(within(filters).getByLabelText('Patient ID'), 'zhang wei');
    await app.user.click(within(filters).getByRole('button', { name: 'Apply filters' }));
    expect(await within(filters).findByText('Enter a patient ID as shown in the list (e.g. 0190f5c8-…).')).toBeInTheDocument();

    await app.user.clear(within(filters).getByLabelText('Patient ID'));
    await app.user.type(within(filters).getByLabelText('Patient ID'), PATIENT);
    await app.user.type(within(filters).getByLabelText('Written from'), '2025-11-28');
    await app.user.click(within(filters).getByRole('combobox', { name: 'Message kind' }));
    await app.user.click(await screen.findByRole('option', { name: 'Appointment changed' }));
    await app.user.click(within(filters).getByRole('button', { name: 'Apply filters' }));

    await waitFor(() =>
      expect(app.router.state.location.search).toBe(`?kind=appointment.modified&patient=${PATIENT}&from=2025-11-28`),
    );
    await waitFor(() => {
      const last = app.requests.filter((r) => r.path === '/api/admin/his/outbox').at(-1)!;
      const query = new URLSearchParams(last.search);
      expect([query.get('kind'), query.get('patientId'), query.get('from')]).toEqual([
        'appointment.modified',
        PATIENT,
        '2025-11-27T16:00:00.000Z',
      ]);
    });

    await app.user.click(within(screen.getByRole('search', { name: 'Filters' })).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(app.router.state.location.search).toBe(''));
  });

  it('narrows the list to one patient from a row', async () => {
    const app = await renderApp({ route: '/admin/his?status=DeadLettered', roles: ['SystemAdmin'], api });
    await findPageHeading('HIS messages');
    const buttons = await screen.findAllByRole('button', { name: 'Only the messages of patient …00000001' });
    await app.user.click(buttons[0]!);
    await waitFor(() => expect(app.router.state.location.search).toBe(`?status=DeadLettered&patient=${PATIENT}`));
    expect(screen.getByLabelText('Patient ID')).toHaveValue(PATIENT);
  });

  it('pages through the messages', async () => {
    const app = await renderApp({ route: '/admin/his', roles: ['SystemAdmin'], api });
    await findPageHeading('HIS messages');
    const pages = await screen.findByRole('navigation', { name: 'Message pages' });
    await app.user.click(within(pages).getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(app.router.state.location.search).toBe('?page=2'));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(6));
  });

  it('is for admins only', async () => {
    await renderApp({ route: '/admin/his', roles: ['Doctor'], api });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeInTheDocument();
  });
});

import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { alert, application, panelPatient } from '@/features/family/testing/fixtures';
import { seriousA11yViolations } from '@/testing/axe';
import { mockLiveConnection } from '@/testing/live-mock';
import { findPageHeading, jsonResponse, noContent, renderApp, type RecordedRequest } from '@/testing/test-utils';

const page = (items: unknown[]): Record<string, unknown> => ({ items, page: 1, pageSize: 20, total: items.length });

describe('My patients (family doctor panel)', () => {
  it.each([
    ['en', 'My patients', '1 alert: dangerous home reading', '186/112 mmHg, pulse 96/min', 'Accept the application of 郑海峰'],
    ['zh-CN', '签约居民', '1条预警：居家监测数值危险', '186/112 mmHg，脉搏96次/分', '同意郑海峰的签约申请'],
  ] as const)('shows alerts, decisions waiting and the patients in %s', async (language, title, alerts, reading, accept) => {
    await renderApp({
      route: '/panel',
      roles: ['Doctor'],
      language,
      api: { 'GET /api/family/alerts': [alert()], 'GET /api/family/applications': [application], 'GET /api/family/panel': page([panelPatient()]) },
    });
    await findPageHeading(title);
    expect(await screen.findByRole('heading', { name: alerts })).toBeInTheDocument();
    expect(screen.getByText(reading)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: accept })).toBeInTheDocument();
    expect(within(await screen.findByRole('table')).getByRole('link', { name: '刘建华' })).toHaveAttribute('href', '/panel/patients/pat-9');
  });

  it('accepts an application, filters and sorts through the server, and stays accessible', async () => {
    const app = await renderApp({
      route: '/panel',
      roles: ['Doctor'],
      api: {
        'GET /api/family/alerts': [],
        'GET /api/family/applications': [application],
        'GET /api/family/panel': page([panelPatient()]),
        'POST /api/family/contracts/contract-20/accept': () => jsonResponse({}),
      },
    });
    await app.user.click(await screen.findByRole('button', { name: 'Accept the application of 郑海峰' }));
    await waitFor(() => expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/family/contracts/contract-20/accept')).toBe(true));

    await app.user.click(screen.getByRole('checkbox', { name: 'an overdue follow-up' }));
    await app.user.selectOptions(screen.getByLabelText('Sort by'), 'name');
    await app.user.selectOptions(screen.getByLabelText('Condition'), 'diabetes');
    const last = (): RecordedRequest | undefined => app.requests.filter((r) => r.path === '/api/family/panel').at(-1);
    await waitFor(() => expect(last()?.search).toContain('condition=diabetes'));
    expect(last()?.search).toContain('overdue=true');
    expect(last()?.search).toContain('sort=name');
    expect(app.router.state.location.search).toContain('overdue=true');

    const table = screen.getByRole('table', { name: 'Signed patients' });
    expect(within(table).getByText('Follow-up overdue')).toBeInTheDocument();
    expect(within(table).getByText('2 unread messages')).toBeInTheDocument();
    expect(await act(() => seriousA11yViolations())).toEqual([]);
  });

  it('shows a new alert live, without reloading', async () => {
    const live = mockLiveConnection();
    let alerts: unknown[] = [];
    await renderApp({
      route: '/panel',
      roles: ['Doctor'],
      api: {
        'GET /api/family/alerts': () => jsonResponse(alerts),
        'GET /api/family/applications': [],
        'GET /api/family/panel': page([]),
        'POST /api/family/alerts/alert-1/acknowledge': () => noContent(),
      },
    });
    await findPageHeading('My patients');
    expect(screen.queryByText('186/112 mmHg, pulse 96/min')).not.toBeInTheDocument();

    alerts = [alert()];
    live.connection.emit('familyAlert', { alertId: 'alert-1', patientId: 'pat-9', findings: ['bp_crisis'], raisedAt: '2026-11-20T00:31:00Z' });

    expect(await screen.findByText('186/112 mmHg, pulse 96/min')).toBeInTheDocument();
    expect(await screen.findByText('A patient recorded a dangerous home reading.')).toBeInTheDocument();
  });
});

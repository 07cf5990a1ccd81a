import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/features/accounts/lib/roles';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, noContent, renderApp, type RecordedRequest } from '@/testing/test-utils';

const TOTAL = 45;

/** 45 notifications, newest first; the first 3 unread. */
function notification(index: number): Record<string, unknown> {
  return {
    id: `n-${index}`,
    kind: index % 2 === 0 ? 'account.registered' : 'account.two_factor_enabled',
    parameters: {},
    link: null,
    createdAt: new Date(Date.parse('2025-11-20T02:00:00Z') - index * 3_600_000).toISOString(),
    readAt: index < 3 ? null : '2025-11-27T00:00:00Z',
  };
}

function listPage(request: RecordedRequest): Response {
  const query = new URLSearchParams(request.search);
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 20);
  const items = Array.from({ length: TOTAL }, (_, i) => notification(i)).slice((page - 1) * pageSize, page * pageSize);
  return Response.json({ notifications: { items, page, pageSize, total: TOTAL }, unreadCount: 3 });
}

const api = { 'GET /api/notifications': listPage, 'POST /api/notifications/read-all': () => noContent() };

describe('notifications page', () => {
  it.each([
    ['en', 'Notifications', 'Main navigation'],
    ['zh-CN', '通知', '主导航'],
  ] as const)('renders in %s with a heading, a nav item for every role and dates in the hospital zone', async (language, title, nav) => {
    for (const role of ['Patient', 'Doctor', 'Pharmacist', 'SystemAdmin', 'SecurityAdmin', 'AuditAdmin'] as Role[]) {
      const app = await renderApp({ route: '/notifications', roles: [role], language, api });
      await findPageHeading(title);
      expect(within(screen.getByRole('navigation', { name: nav })).getByRole('link', { name: title })).toHaveAttribute(
        'aria-current',
        'page',
      );
      app.unmount();
    }
    await renderApp({ route: '/notifications', roles: ['Patient'], language, api });
    await findPageHeading(title);
    const main = screen.getByRole('main');
    // 2025-11-20T02:00Z is 10:00 in Shanghai.
    expect(
      await within(main).findByText(language === 'en' ? /Nov 20, 2025, 10:00 AM/ : /2025年11月20日 10:00/),
    ).toBeInTheDocument();
    expect(document.title).toContain(title);
  });

  it('pages through all notifications and marks them all read', async () => {
    const app = await renderApp({ route: '/notifications', roles: ['Patient'], api });
    await findPageHeading('Notifications');
    const main = screen.getByRole('main');
    const list = await within(main).findByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);
    expect(within(list).getAllByText('Unread:', { exact: false })).toHaveLength(3);
    expect(await act(() => seriousA11yViolations())).toEqual([]);

    const pages = screen.getByRole('navigation', { name: 'Notification pages' });
    await app.user.click(within(pages).getByRole('button', { name: 'Page 3' }));
    await waitFor(() => expect(app.router.state.location.search).toBe('?page=3'));
    await waitFor(() => expect(within(screen.getByRole('main')).getAllByRole('listitem')).toHaveLength(5));
    expect(app.requests.some((r) => r.path === '/api/notifications' && r.search.includes('page=3'))).toBe(true);
    await app.user.click(within(pages).getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(app.router.state.location.search).toBe('?page=2'));

    await app.user.click(within(main).getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() =>
      expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/notifications/read-all')).toBe(true),
    );
  });

  it('shows a friendly message when there is nothing yet', async () => {
    await renderApp({ route: '/notifications', roles: ['SystemAdmin'], language: 'zh-CN' });
    await findPageHeading('通知');
    expect(await screen.findByText('暂无通知。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '全部标为已读' })).toBeDisabled();
  });

  it.each([
    ['en', 'By SMS', 'By e-mail', 'No SMS reminders between 22:00 and 07:00'],
    ['zh-CN', '短信', '电子邮件', '22:00 至次日 07:00 不发送短信提醒'],
  ] as const)('lets a person in %s switch SMS and e-mail off, and says when reminders wait', async (language, sms, email, quiet) => {
    const app = await renderApp({
      route: '/notifications',
      roles: ['Patient'],
      language,
      me: { channels: { email: true, sms: true, mobileVerified: true, timeZone: null, maskedMobile: '139****0002' } },
      api: { ...api, 'PUT /api/me/notification-channels': () => noContent() },
    });
    await findPageHeading(language === 'en' ? 'Notifications' : '通知');
    const smsSwitch = await screen.findByRole('switch', { name: new RegExp(`^${sms}`) });
    expect(smsSwitch).toBeChecked();
    expect(screen.getByText(quiet, { exact: false })).toBeInTheDocument();

    await app.user.click(smsSwitch);
    await waitFor(() =>
      expect(app.requests.find((r) => r.path === '/api/me/notification-channels')?.body).toEqual({ email: true, sms: false, timeZone: null }),
    );
    expect(screen.getByRole('switch', { name: new RegExp(`^${email}`) })).toBeChecked();
  });

  it('does not offer SMS to a number that was never verified', async () => {
    await renderApp({
      route: '/notifications',
      roles: ['Patient'],
      me: { channels: { email: true, sms: true, mobileVerified: false, timeZone: null, maskedMobile: '139****0002' } },
      api,
    });
    await findPageHeading('Notifications');
    expect(await screen.findByRole('switch', { name: /^By SMS/ })).toBeDisabled();
    expect(screen.getByText('Your mobile number is not verified, so no SMS is sent to it.')).toBeInTheDocument();
  });
});

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
});

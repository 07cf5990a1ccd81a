import { act, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { describe, expect, it, vi } from 'vitest';
import { browser } from '@/lib/browser';
import { seriousA11yViolations } from '@/testing/axe';
import { mockLiveConnection } from '@/testing/live-mock';
import { findPageHeading, noContent, renderApp, type RecordedRequest } from '@/testing/test-utils';
import type { AppNotification, NotificationPage } from '../api/get-notifications';

const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

function item(overrides: Partial<AppNotification> & Pick<AppNotification, 'id' | 'kind'>): AppNotification {
  return { parameters: {}, link: null, createdAt: minutesAgo(5), readAt: null, ...overrides };
}

function page(items: AppNotification[]): NotificationPage {
  return {
    notifications: { items, page: 1, pageSize: 10, total: items.length },
    unreadCount: items.filter((n) => n.readAt === null).length,
  };
}

const welcome = item({ id: 'n-welcome', kind: 'account.registered', link: '/my-health', createdAt: minutesAgo(5) });
const future = item({ id: 'n-future', kind: 'lab.result_ready', parameters: { test: 'HbA1c' }, createdAt: minutesAgo(60) });
const old = item({ id: 'n-2fa', kind: 'account.two_factor_enabled', createdAt: minutesAgo(3 * 60), readAt: minutesAgo(100) });
const phishing = item({ id: 'n-phish', kind: 'account.two_factor_disabled', link: 'https://evil.example/login' });

/** A server that remembers what was read. */
function notificationServer(initial: AppNotification[]): {
  routes: Record<string, (request: RecordedRequest) => Response>;
  items: AppNotification[];
} {
  const items = initial.map((n) => ({ ...n }));
  const now = new Date().toISOString();
  return {
    items,
    routes: {
      'GET /api/notifications': () => Response.json(page(items)),
      'POST /api/notifications/read-all': () => {
        for (const n of items) n.readAt ??= now;
        return noContent();
      },
      ...Object.fromEntries(
        items.map((n) => [
          `POST /api/notifications/${n.id}/read`,
          () => {
            n.readAt ??= now;
            return noContent();
          },
        ]),
      ),
    },
  };
}

async function openBell(app: Awaited<ReturnType<typeof renderApp>>, name: string | RegExp): Promise<HTMLElement> {
  await app.user.click(await screen.findByRole('button', { name }));
  return screen.findByRole('dialog');
}

describe('notification bell', () => {
  it.each([
    ['en', 'Notifications, 2 unread', 'Notifications'],
    ['zh-CN', '通知，2 条未读', '通知'],
  ] as const)('names the unread count in %s and shows it as a badge', async (language, unreadName, plainName) => {
    const server = notificationServer([welcome, future, old]);
    const app = await renderApp({ route: '/my-health', roles: ['Patient'], language, api: server.routes });
    const bell = await screen.findByRole('button', { name: unreadName });
    // The badge shows the number; it is hidden from screen readers, which hear it in the button's name.
    expect(within(bell.parentElement!).getByText('2')).toHaveAttribute('aria-hidden', 'true');

    await app.user.click(bell);
    await app.user.click(await screen.findByRole('button', { name: language === 'en' ? 'Mark all as read' : '全部标为已读' }));
    expect(await screen.findByRole('button', { name: plainName })).toBeInTheDocument();
    expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/notifications/read-all')).toBe(true);
  });

  it('lists localized notifications with relative times, unread ones marked, unknown kinds generic', async () => {
    const app = await renderApp({ route: '/my-health', roles: ['Patient'], api: notificationServer([welcome, future, old]).routes });
    const dialog = await openBell(app, 'Notifications, 2 unread');
    expect(within(dialog).getByRole('heading', { level: 2, name: 'Notifications' })).toBeInTheDocument();
    expect(dialog).toHaveAccessibleName('Notifications');

    const entries = within(dialog).getAllByRole('listitem');
    expect(entries.map((li) => li.textContent)).toEqual([
      'Unread: Welcome! Your account is ready.5 minutes ago',
      'Unread: You have a new notification1 hour ago',
      'Two-factor sign-in was turned on for your account.3 hours ago',
    ]);
    expect(within(entries[0]!).getByRole('link')).toHaveAttribute('href', '/my-health');
    expect(within(entries[2]!).queryByRole('button')).toBeNull();
    expect(within(dialog).getByRole('link', { name: 'See all notifications' })).toHaveAttribute('href', '/notifications');
    expect(await act(() => seriousA11yViolations())).toEqual([]);
  });

  it('speaks Chinese: texts and relative times', async () => {
    const app = await renderApp({
      route: '/my-health',
      roles: ['Patient'],
      language: 'zh-CN',
      api: notificationServer([welcome, future]).routes,
    });
    const dialog = await openBell(app, '通知，2 条未读');
    expect(within(dialog).getByRole('link', { name: /欢迎！您的账户已创建。/ })).toHaveTextContent('未读：欢迎！您的账户已创建。5分钟前');
    expect(within(dialog).getByRole('button', { name: /您有一条新通知/ })).toHaveTextContent('1小时前');
    expect(within(dialog).getByRole('button', { name: '全部标为已读' })).toBeEnabled();
  });

  it('marks a notification read when it is opened and follows its link', async () => {
    const app = await renderApp({ route: '/my-health', roles: ['Patient'], api: notificationServer([future, welcome]).routes });
    await findPageHeading('My health');
    let dialog = await openBell(app, 'Notifications, 2 unread');
    await app.user.click(within(dialog).getByRole('button', { name: /You have a new notification/ }));
    await waitFor(() =>
      expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/notifications/n-future/read')).toBe(true),
    );
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();

    await act(() => app.router.navigate('/notifications'));
    await findPageHeading('Notifications');
    dialog = await openBell(app, 'Notifications, 1 unread');
    await app.user.click(within(dialog).getByRole('link', { name: /Welcome! Your account is ready./ }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/my-health'));
    expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/notifications/n-welcome/read')).toBe(true);
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens a drawer on phones', async () => {
    const matchMedia = window.matchMedia;
    vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
      ...matchMedia(query),
      matches: query.includes('max-width'),
    }));
    const app = await renderApp({ route: '/my-health', roles: ['Patient'], api: notificationServer([welcome]).routes });
    const dialog = await openBell(app, 'Notifications, 1 unread');
    expect(dialog).toHaveAccessibleName('Notifications');
    expect(within(dialog).getByRole('link', { name: /Welcome! Your account is ready./ })).toBeInTheDocument();
    expect(await act(() => seriousA11yViolations())).toEqual([]);
    await app.user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('does not follow a link that leaves the site', async () => {
    const redirect = vi.spyOn(browser, 'redirectTo');
    const app = await renderApp({ route: '/my-health', roles: ['Patient'], api: notificationServer([phishing]).routes });
    await findPageHeading('My health');
    const dialog = await openBell(app, 'Notifications, 1 unread');
    expect(within(dialog).queryByRole('link', { name: /Two-factor/ })).toBeNull();
    expect(document.querySelector('a[href*="evil.example"]')).toBeNull();
    await app.user.click(within(dialog).getByRole('button', { name: /Two-factor sign-in was turned off/ }));
    await waitFor(() =>
      expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/notifications/n-phish/read')).toBe(true),
    );
    expect(app.router.state.location.pathname).toBe('/my-health');
    expect(redirect).not.toHaveBeenCalled();
  });

  it('counts a live notification at once and announces it politely', async () => {
    const live = mockLiveConnection();
    const server = notificationServer([welcome]);
    const app = await renderApp({ route: '/my-health', roles: ['Doctor'], api: server.routes });
    await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    await waitFor(() => expect(live.connection.startCalls).toBe(1));
    const listRequests = (): number => app.requests.filter((r) => r.path === '/api/notifications').length;
    const before = listRequests();

    const pushed = item({ id: 'n-live', kind: 'account.two_factor_enabled', createdAt: new Date().toISOString() });
    server.items.unshift(pushed);
    live.connection.emit('notification', pushed);
    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBeInTheDocument();
    const status = await waitFor(() => {
      const toast = screen.getAllByRole('status').find((el) => el.textContent?.includes('New notification'));
      expect(toast).toBeDefined();
      return toast;
    });
    expect(status).toHaveTextContent('Two-factor sign-in was turned on for your account.');
    expect(status?.closest('[aria-live="polite"]')).not.toBeNull();
    expect(within(status!).getByRole('button', { name: 'Close' })).toBeInTheDocument();
    // Counted without a round trip; the same event twice is counted once.
    live.connection.emit('notification', pushed);
    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBeInTheDocument();
    expect(screen.getAllByRole('status').filter((el) => el.textContent?.includes('New notification'))).toHaveLength(1);
    expect(listRequests()).toBe(before);

    // A payload this version cannot read does not break anything; the list is simply refetched.
    live.connection.emit('notification', { id: 42 });
    await waitFor(() => expect(listRequests()).toBe(before + 1));

    // Back after an outage: refetch what may have been missed.
    live.connection.simulateReconnecting();
    live.connection.simulateReconnected();
    await waitFor(() => expect(listRequests()).toBe(before + 2));
    expect(await act(() => seriousA11yViolations())).toEqual([]);
  });

  it.each([
    ['en', 'Notifications, 4 unread', 'New notification', 'Your payment of CN¥40.00 for Booking did not go through.'],
    ['zh-CN', '通知，4 条未读', '新通知', '“Booking”的支付（¥40.00）未成功。'],
  ] as const)('in %s, shows one live toast at a time, the newest, and keeps every notice in the centre', async (language, bellName, toastTitle, newest) => {
    const live = mockLiveConnection();
    const server = notificationServer([]);
    const app = await renderApp({ route: '/my-health', roles: ['Patient'], language, api: server.routes });
    await waitFor(() => expect(live.connection.startCalls).toBe(1));
    await screen.findByRole('button', { name: language === 'en' ? 'Notifications' : '通知' });
    const pushed = [
      item({ id: 'n-1', kind: 'account.registered' }),
      item({ id: 'n-2', kind: 'account.two_factor_enabled' }),
      item({ id: 'n-3', kind: 'account.two_factor_disabled' }),
      item({ id: 'n-4', kind: 'payment.failed', parameters: { amount: '40.00', currency: 'CNY', description: 'Booking' } }),
    ];
    for (const notification of pushed) {
      server.items.unshift(notification);
      live.connection.emit('notification', notification);
    }
    const bell = await screen.findByRole('button', { name: bellName });
    await waitFor(() => {
      const toasts = screen.queryAllByRole('status').filter((el) => el.textContent?.includes(toastTitle));
      expect(toasts).toHaveLength(1);
      expect(toasts[0]).toHaveTextContent(newest);
      // Note: well before the toasts close by themselves (8 s), so it is the replacing, not the timer, that is seen.
    }, { timeout: 3_000 });

    await app.user.click(bell);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(newest)).toBeInTheDocument();
    expect(within(dialog).getAllByRole('listitem').length).toBeGreaterThanOrEqual(4);
  });

  it('on a phone shows one toast at a time at the top, and confirmations close by themselves', async () => {
    const matchMedia = window.matchMedia;
    vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({ ...matchMedia(query), matches: query.includes('max-width') }));
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await renderApp({ route: '/my-health', roles: ['Patient'], api: notificationServer([]).routes });
      await findPageHeading('My health');
      act(() => {
        notifications.show({ message: 'Saved first' });
        notifications.show({ message: 'Saved second' });
        notifications.show({ message: 'Saved third' });
      });
      const first = await screen.findByText('Saved first');
      expect(screen.queryByText('Saved second')).toBeNull();
      expect(first.closest('[data-position]')).toHaveAttribute('data-position', 'top-center');
      // Each closes by itself after a few seconds and the next one takes its place.
      await act(() => vi.advanceTimersByTimeAsync(4_500));
      expect(await screen.findByText('Saved second')).toBeInTheDocument();
      await waitFor(() => expect(screen.queryByText('Saved first')).toBeNull());
    } finally {
      act(() => notifications.clean());
      vi.useRealTimers();
    }
  });

  it('opens the connection after sign-in only and closes it on sign-out', async () => {
    const live = mockLiveConnection();
    const signedOut = await renderApp({ route: '/' });
    await findPageHeading('InternetHospital');
    expect(live.create).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: /^Notifications/ })).toBeNull();
    signedOut.unmount();

    const app = await renderApp({ route: '/my-health', roles: ['Patient'] });
    await waitFor(() => expect(live.connection.startCalls).toBe(1));
    await app.user.click(screen.getAllByRole('button', { name: 'Sign out' })[0]!);
    await waitFor(() => expect(live.connection.stopCalls).toBe(1));
  });

  it.each([
    ['en', 'Notifications, 2 unread', 'For 张小宝 · by 张伟', 'For 张桂兰'],
    ['zh-CN', '通知，2 条未读', '就诊人：张小宝 · 由 张伟 办理', '就诊人：张桂兰'],
  ] as const)('in %s, names the family member a notification is about and who acted', async (language, bellName, byGuardian, aboutOnly) => {
    const booked = item({ id: 'n-child', kind: 'appointment.confirmed', parameters: { doctor: '李伟', start: '2026-12-01T01:30:00Z', patientId: 'pat-child', patientName: '张小宝', actorName: '张伟' } });
    const result = item({ id: 'n-mother', kind: 'lab.result_ready', parameters: { test: 'HbA1c', patientId: 'pat-mother', patientName: '张桂兰' } });
    const app = await renderApp({ route: '/my-health', roles: ['Patient'], language, api: notificationServer([booked, result]).routes });
    const dialog = await openBell(app, bellName);
    const entries = within(dialog).getAllByRole('listitem');
    expect(within(entries[0]!).getByText(byGuardian)).toBeInTheDocument();
    expect(within(entries[1]!).getByText(aboutOnly)).toBeInTheDocument();
  });
});


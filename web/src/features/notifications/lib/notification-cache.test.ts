import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { notificationListQueryOptions, type AppNotification, type NotificationPage } from '../api/get-notifications';
import { addNotificationToCache, markAllReadInCache, markReadInCache } from './notification-cache';

function item(id: string, readAt: string | null = null): AppNotification {
  return { id, kind: 'account.registered', parameters: {}, link: null, createdAt: '2025-11-28T01:00:00Z', readAt };
}

function seed(queryClient: QueryClient, params: { page: number; pageSize: number; unreadOnly?: boolean }, items: AppNotification[]): void {
  const data: NotificationPage = {
    notifications: { items, page: params.page, pageSize: params.pageSize, total: 12 },
    unreadCount: 2,
  };
  queryClient.setQueryData(notificationListQueryOptions(params).queryKey, data);
}

function read(queryClient: QueryClient, params: { page: number; pageSize: number; unreadOnly?: boolean }): NotificationPage {
  return queryClient.getQueryData(notificationListQueryOptions(params).queryKey)!;
}

describe('notification cache', () => {
  it('puts a live notification on top of the first pages and counts it once', () => {
    const queryClient = new QueryClient();
    const bell = { page: 1, pageSize: 2 };
    const second = { page: 2, pageSize: 2 };
    seed(queryClient, bell, [item('a'), item('b', 'x')]);
    seed(queryClient, second, [item('c', 'x'), item('d', 'x')]);

    expect(addNotificationToCache(queryClient, item('new'))).toBe(true);
    expect(read(queryClient, bell).notifications.items.map((n) => n.id)).toEqual(['new', 'a']);
    expect(read(queryClient, bell).unreadCount).toBe(3);
    expect(read(queryClient, bell).notifications.total).toBe(13);
    expect(read(queryClient, second).unreadCount).toBe(3);
    expect(queryClient.getQueryState(notificationListQueryOptions(second).queryKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(notificationListQueryOptions(bell).queryKey)?.isInvalidated).toBe(false);

    expect(addNotificationToCache(queryClient, item('new'))).toBe(false);
    expect(read(queryClient, bell).unreadCount).toBe(3);
  });

  it('marks one or all read and lowers the count', () => {
    const queryClient = new QueryClient();
    const bell = { page: 1, pageSize: 10 };
    seed(queryClient, bell, [item('a'), item('b'), item('c', 'x')]);
    markReadInCache(queryClient, 'a', 'now');
    markReadInCache(queryClient, 'a', 'again');
    markReadInCache(queryClient, 'c', 'now');
    expect(read(queryClient, bell).unreadCount).toBe(1);
    expect(read(queryClient, bell).notifications.items.map((n) => n.readAt)).toEqual(['now', null, 'x']);
    markAllReadInCache(queryClient, 'later');
    expect(read(queryClient, bell).unreadCount).toBe(0);
    expect(read(queryClient, bell).notifications.items.map((n) => n.readAt)).toEqual(['now', 'later', 'x']);
  });
});

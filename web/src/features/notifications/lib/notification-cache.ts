import type { QueryClient } from '@tanstack/react-query';
import {
  notificationListsQueryKey,
  type AppNotification,
  type NotificationListKey,
  type NotificationPage,
} from '../api/get-notifications';

/** Every cached notification list (bell and pages), with the parameters it was fetched with. */
function cachedLists(queryClient: QueryClient): Array<[NotificationListKey, NotificationPage]> {
  return queryClient
    .getQueriesData<NotificationPage>({ queryKey: notificationListsQueryKey })
    .filter((entry): entry is [NotificationListKey, NotificationPage] => entry[1] !== undefined);
}

function updateLists(queryClient: QueryClient, update: (page: NotificationPage, key: NotificationListKey) => NotificationPage): void {
  for (const [key, data] of cachedLists(queryClient)) queryClient.setQueryData(key, update(data, key));
}

/**
 * A notification pushed live: counted and shown at the top of the first pages at once, without a round trip.
 * Later pages shift by one, so they are refetched. Returns false if it was already known (nothing changed).
 */
export function addNotificationToCache(queryClient: QueryClient, notification: AppNotification): boolean {
  const lists = cachedLists(queryClient);
  if (lists.some(([, data]) => data.notifications.items.some((item) => item.id === notification.id))) return false;
  const unread = notification.readAt === null;
  updateLists(queryClient, (data, [, , params]) => {
    const matches = unread || !params.unreadOnly;
    const notifications = data.notifications;
    return {
      unreadCount: data.unreadCount + (unread ? 1 : 0),
      notifications:
        params.page === 1 && matches
          ? {
              ...notifications,
              items: [notification, ...notifications.items].slice(0, params.pageSize),
              total: notifications.total + 1,
            }
          : { ...notifications, total: notifications.total + (matches ? 1 : 0) },
    };
  });
  void queryClient.invalidateQueries({
    queryKey: notificationListsQueryKey,
    predicate: (query) => (query.queryKey as NotificationListKey)[2]?.page !== 1,
  });
  return true;
}

/** Shows one notification as read and the unread count one lower (before the server has answered). */
export function markReadInCache(queryClient: QueryClient, id: string, readAt: string): void {
  const wasUnread = cachedLists(queryClient).some(([, data]) =>
    data.notifications.items.some((item) => item.id === id && item.readAt === null),
  );
  if (!wasUnread) return;
  updateLists(queryClient, (data) => ({
    unreadCount: Math.max(0, data.unreadCount - 1),
    notifications: {
      ...data.notifications,
      items: data.notifications.items.map((item) => (item.id === id && item.readAt === null ? { ...item, readAt } : item)),
    },
  }));
}

/** Shows every notification as read and no unread count (before the server has answered). */
export function markAllReadInCache(queryClient: QueryClient, readAt: string): void {
  updateLists(queryClient, (data) => ({
    unreadCount: 0,
    notifications: {
      ...data.notifications,
      items: data.notifications.items.map((item) => (item.readAt === null ? { ...item, readAt } : item)),
    },
  }));
}

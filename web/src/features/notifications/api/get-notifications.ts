import { keepPreviousData, useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

/**
 * One notification, as the list endpoint and the live "notification" event send it. `kind` is open-ended
 * (features keep adding kinds); the UI shows a generic text for kinds it does not know.
 */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  parameters: z.record(z.string(), z.string()).nullish().transform((value) => value ?? {}),
  link: z.string().nullish().transform((value) => value ?? null),
  /** ISO 8601 with offset (the server may send 7 fractional digits). */
  createdAt: z.string(),
  readAt: z.string().nullish().transform((value) => value ?? null),
});
export type AppNotification = z.infer<typeof notificationSchema>;

export const notificationPageSchema = z.object({
  notifications: z.object({
    items: z.array(notificationSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  }),
  unreadCount: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export interface NotificationListParams {
  unreadOnly?: boolean;
  page?: number;
  pageSize?: number;
}

/** The signed-in person's notifications, newest first, with the unread count (of all, not just this page). */
export function getNotifications({ unreadOnly = false, page = 1, pageSize = 20 }: NotificationListParams = {}): Promise<NotificationPage> {
  const query = new URLSearchParams({ unreadOnly: String(unreadOnly), page: String(page), pageSize: String(pageSize) });
  return apiJson(`/api/notifications?${query.toString()}`, notificationPageSchema);
}

/** Everything cached about notifications (invalidate this after changes). */
export const notificationsQueryKey = ['notifications'] as const;
export const notificationListsQueryKey = [...notificationsQueryKey, 'list'] as const;

/** The bell shows the newest few; the full page pages through all of them. */
export const BELL_PAGE_SIZE = 10;
export const PAGE_SIZE = 20;

export type NotificationListKey = readonly ['notifications', 'list', Required<NotificationListParams>];

export function notificationListQueryOptions(
  params: NotificationListParams = {},
): UseQueryOptions<NotificationPage, Error, NotificationPage, NotificationListKey> {
  const normalized = { unreadOnly: params.unreadOnly ?? false, page: params.page ?? 1, pageSize: params.pageSize ?? PAGE_SIZE };
  return {
    queryKey: [...notificationListsQueryKey, normalized],
    queryFn: () => getNotifications(normalized),
    // Note: while the next page loads, keep showing the current one (no jump to a spinner).
    placeholderData: keepPreviousData,
  };
}

export function useNotifications(
  params: NotificationListParams = {},
  options: { enabled?: boolean } = {},
): UseQueryResult<NotificationPage> {
  return useQuery({ ...notificationListQueryOptions(params), enabled: options.enabled ?? true });
}

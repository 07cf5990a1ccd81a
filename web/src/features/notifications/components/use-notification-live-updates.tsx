import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconBell } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveEvent, useLiveReconnect } from '@/lib/live-connection';
import { notificationSchema, notificationsQueryKey } from '../api/get-notifications';
import { addNotificationToCache } from '../lib/notification-cache';
import { notificationText } from '../lib/notification-text';

/** The server's live event carrying a new notification (same shape as a list item). */
export const NOTIFICATION_EVENT = 'notification';
const TOAST_MS = 8_000;

/**
 * Live notifications: the unread count and the lists update at once, and a toast shows the new one (a
 * polite status message for screen readers). After a lost connection everything is refetched.
 * Mounted once, by the header bell.
 */
export function useNotificationLiveUpdates(): void {
  const queryClient = useQueryClient();
  const { t, i18n } = useTranslation('notifications');
  const shown = useRef<string | null>(null);

  useLiveEvent(NOTIFICATION_EVENT, (payload) => {
    const parsed = notificationSchema.safeParse(payload);
    if (!parsed.success) {
      // Note: a shape this version does not understand: let the server's list tell what is new.
      void queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
      return;
    }
    const notification = parsed.data;
    if (!addNotificationToCache(queryClient, notification) || notification.readAt !== null) return;
    // Note: one action often brings several notices at once (paid, booked, refunded): the newest replaces the toast
    // before it instead of stacking over the page; all of them stay in the bell's list.
    if (shown.current) notifications.hide(shown.current);
    shown.current = `notification-${notification.id}`;
    notifications.show({
      id: shown.current,
      title: t('toastTitle'),
      message: notificationText(notification, i18n),
      icon: <IconBell size={18} aria-hidden="true" />,
      autoClose: TOAST_MS,
      // Note: a status (polite), not Mantine's default alert: a new notification must not interrupt.
      role: 'status',
      closeButtonProps: { 'aria-label': t('close') },
    });
  });

  useLiveReconnect(() => {
    void queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
  });
}

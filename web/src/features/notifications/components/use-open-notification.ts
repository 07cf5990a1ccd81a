import { useCallback } from 'react';
import { useMarkNotificationRead } from '../api/mark-notification-read';
import type { AppNotification } from '../api/get-notifications';

/**
 * What opening a notification does besides following its link (the list renders safe links as links):
 * mark it read if it was unread, then `after` (e.g. close the popover).
 */
export function useOpenNotification(after?: () => void): (notification: AppNotification) => void {
  const { mutate } = useMarkNotificationRead();
  return useCallback(
    (notification: AppNotification) => {
      if (notification.readAt === null) mutate(notification.id);
      after?.();
    },
    [mutate, after],
  );
}

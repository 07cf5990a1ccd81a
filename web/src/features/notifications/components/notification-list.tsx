import { Box, Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppNotification } from '../api/get-notifications';
import { notificationText } from '../lib/notification-text';
import { safeNotificationPath } from '../lib/safe-link';
import { formatDateTime, formatRelativeTime, parseInstant } from '@/lib/date-time';
import classes from './notification-list.module.css';
import { useNow } from './use-now';

export interface NotificationListProps {
  items: readonly AppNotification[];
  /** Called when the reader opens an item (follows its link, or just marks it read). */
  onOpen: (notification: AppNotification) => void;
  /** Also show the date and time, not only "5 minutes ago" (the full page). */
  showAbsoluteTime?: boolean;
  'aria-labelledby'?: string;
}

function NotificationItem({
  notification,
  onOpen,
  showAbsoluteTime,
  now,
}: {
  notification: AppNotification;
  onOpen: (notification: AppNotification) => void;
  showAbsoluteTime: boolean;
  now: number;
}): ReactNode {
  const { t, i18n } = useTranslation('notifications');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const unread = notification.readAt === null;
  const created = parseInstant(notification.createdAt);
  const path = safeNotificationPath(notification.link);

  const content = (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Box className={classes.dot} data-unread={unread || undefined} aria-hidden="true" />
      <Stack gap={2} miw={0}>
        <Text size="sm" fw={unread ? 700 : 400} className={classes.text}>
          {unread && <VisuallyHidden>{t('unreadPrefix')}</VisuallyHidden>}
          {notificationText(notification, i18n)}
        </Text>
        {notification.parameters.patientName && (
          <Text size="xs" fw={600}>
            {/* Note: about a family member (issue 15): whose matter it is, and which guardian or proxy acted. */}
            {notification.parameters.actorName
              ? t('about.patientBy', { patient: notification.parameters.patientName, actor: notification.parameters.actorName })
              : t('about.patient', { patient: notification.parameters.patientName })}
          </Text>
        )}
        {created && (
          <Text size="xs" c="dimmed">
            <time dateTime={created.toISOString()} title={formatDateTime(created, language)}>
              {formatRelativeTime(created, now, language)}
              {showAbsoluteTime && ` · ${formatDateTime(created, language)}`}
            </time>
          </Text>
        )}
      </Stack>
    </Group>
  );

  // Note: a link when there is somewhere (safe) to go, a button when there is only something to mark read,
  // plain text otherwise: no control that does nothing.
  if (path) {
    return (
      <Link to={path} className={classes.item} data-unread={unread || undefined} onClick={() => onOpen(notification)}>
        {content}
      </Link>
    );
  }
  if (unread) {
    return (
      <UnstyledButton className={classes.item} data-unread onClick={() => onOpen(notification)}>
        {content}
      </UnstyledButton>
    );
  }
  return <div className={classes.item}>{content}</div>;
}

/** Notifications, newest first; unread ones are bold, marked with a dot and announced as "Unread". */
export function NotificationList({ items, onOpen, showAbsoluteTime = false, ...rest }: NotificationListProps): ReactNode {
  const now = useNow();
  return (
    // Note: role="list" because Safari drops list semantics when list-style is none.
    // eslint-disable-next-line jsx-a11y/no-redundant-roles -- see above
    <ul className={classes.list} role="list" {...rest}>
      {items.map((notification) => (
        <li key={notification.id}>
          <NotificationItem notification={notification} onOpen={onOpen} showAbsoluteTime={showAbsoluteTime} now={now} />
        </li>
      ))}
    </ul>
  );
}

import { ActionIcon, Drawer, Indicator, Popover } from '@mantine/core';
import { useId, useMediaQuery } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BELL_PAGE_SIZE, useNotifications } from '../api/get-notifications';
import { NotificationPanel } from './notification-panel';
import { useNotificationLiveUpdates } from './use-notification-live-updates';

/** Under Mantine's "sm" breakpoint (48em, like the navigation burger) the bell opens a drawer. */
const PHONE_QUERY = '(max-width: 47.99em)';

/** The badge shows at most "99+"; the accessible name has the exact count. */
export function badgeLabel(count: number): string {
  return count > 99 ? '99+' : String(count);
}

/**
 * The header's bell: the unread count as a badge ("Notifications, 2 unread" / "通知，2 条未读" for screen
 * readers), opening the newest notifications in a popover (a drawer on phones). Also keeps the count live.
 */
export function NotificationBell(): ReactNode {
  const { t } = useTranslation('notifications');
  const [opened, setOpened] = useState(false);
  const close = useCallback(() => setOpened(false), []);
  const isPhone = useMediaQuery(PHONE_QUERY) ?? false;
  const headingId = useId();
  const query = useNotifications({ page: 1, pageSize: BELL_PAGE_SIZE });
  useNotificationLiveUpdates();

  const unread = query.data?.unreadCount ?? 0;
  const label = unread > 0 ? t('bellUnread', { count: unread }) : t('bell');

  const bell = (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={label}
      onClick={() => setOpened((current) => !current)}
      {...(isPhone ? { 'aria-haspopup': 'dialog' as const, 'aria-expanded': opened } : {})}
    >
      <IconBell size={22} aria-hidden="true" />
    </ActionIcon>
  );

  return (
    <Indicator
      label={badgeLabel(unread)}
      disabled={unread === 0}
      size={18}
      offset={6}
      color="red.9"
      // Note: the count is already in the button's name; the badge itself is decoration.
      attributes={{ indicator: { 'aria-hidden': true } }}
      zIndex={1}
    >
      {isPhone ? (
        <>
          {bell}
          <Drawer
            opened={opened}
            onClose={close}
            title={t('title')}
            position="right"
            size="100%"
            styles={{ body: { padding: 0 } }}
            closeButtonProps={{ 'aria-label': t('close') }}
          >
            <NotificationPanel onClose={close} />
          </Drawer>
        </>
      ) : (
        <Popover
          opened={opened}
          onChange={setOpened}
          position="bottom-end"
          width={360}
          shadow="md"
          trapFocus
          returnFocus
        >
          <Popover.Target>{bell}</Popover.Target>
          <Popover.Dropdown p={0} aria-labelledby={headingId} maw="calc(100vw - 16px)">
            <NotificationPanel onClose={close} headingId={headingId} />
          </Popover.Dropdown>
        </Popover>
      )}
    </Indicator>
  );
}

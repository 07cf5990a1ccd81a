import { Alert, Anchor, Box, Button, Center, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveStatus } from '@/lib/live-connection';
import { problemMessage } from '@/lib/problem-message';
import { BELL_PAGE_SIZE, useNotifications } from '../api/get-notifications';
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read';
import { NotificationList } from './notification-list';
import { useOpenNotification } from './use-open-notification';

export interface NotificationPanelProps {
  /** Close the popover/drawer (after opening an item or going to the full page). */
  onClose: () => void;
  /** The id of the panel's h2; omitted when the container has its own title (the drawer). */
  headingId?: string;
}

/** The bell's content: the newest notifications, "Mark all as read" and a link to the full page. */
export function NotificationPanel({ onClose, headingId }: NotificationPanelProps): ReactNode {
  const { t } = useTranslation('notifications');
  const query = useNotifications({ page: 1, pageSize: BELL_PAGE_SIZE });
  const markAll = useMarkAllNotificationsRead();
  const open = useOpenNotification(onClose);
  const liveStatus = useLiveStatus();
  const unread = query.data?.unreadCount ?? 0;

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <Center py="md" role="status">
        <Loader size="sm" aria-hidden="true" />
        <Text ml="sm">{t('common:loading')}</Text>
      </Center>
    );
  } else if (query.isError) {
    body = (
      <Stack p="md" gap="xs" align="flex-start">
        <Alert color="red" role="alert" w="100%">
          {problemMessage(query.error, t)}
        </Alert>
        <Button variant="outline" size="xs" onClick={() => void query.refetch()}>
          {t('retry')}
        </Button>
      </Stack>
    );
  } else if (query.data.notifications.items.length === 0) {
    body = (
      <Text p="md" c="dimmed">
        {t('empty')}
      </Text>
    );
  } else {
    const list = <NotificationList items={query.data.notifications.items} onOpen={open} />;
    // Note: in the popover the list scrolls on its own; a scrollable region must be reachable by keyboard
    // even when it holds no link or button (read notifications), hence the labelled, focusable region.
    body = headingId ? (
      <Box className="notification-panel-scroll" role="region" aria-label={t('recent')} tabIndex={0}>
        {list}
      </Box>
    ) : (
      list
    );
  }

  return (
    <Stack gap={0}>
      <Group justify={headingId ? 'space-between' : 'flex-end'} px="md" py="xs" wrap="nowrap">
        {headingId && (
          <Title order={2} size="h4" id={headingId}>
            {t('title')}
          </Title>
        )}
        <Button variant="subtle" size="compact-sm" onClick={() => markAll.mutate()} disabled={unread === 0}>
          {t('markAllRead')}
        </Button>
      </Group>
      {liveStatus === 'reconnecting' && (
        <Text size="xs" c="dimmed" px="md" pb="xs">
          {t('live.reconnecting')}
        </Text>
      )}
      <Divider />
      {body}
      <Divider />
      <Anchor component={Link} to="/notifications" onClick={onClose} px="md" py="sm" size="sm">
        {t('viewAll')}
      </Anchor>
    </Stack>
  );
}

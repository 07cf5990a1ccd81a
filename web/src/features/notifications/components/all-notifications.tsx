import { Alert, Button, Card, Group, Pagination, Stack, Text } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { problemMessage } from '@/lib/problem-message';
import { PAGE_SIZE, useNotifications } from '../api/get-notifications';
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read';
import { NotificationList } from './notification-list';
import { useOpenNotification } from './use-open-notification';

function readPage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The full notification centre: every notification, newest first, 20 a page (?page=2 in the address). */
export function AllNotifications(): ReactNode {
  const { t } = useTranslation('notifications');
  const [searchParams, setSearchParams] = useSearchParams();
  const page = readPage(searchParams.get('page'));
  const query = useNotifications({ page, pageSize: PAGE_SIZE });
  const markAll = useMarkAllNotificationsRead();
  const open = useOpenNotification();

  const total = query.data?.notifications.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const unread = query.data?.unreadCount ?? 0;

  const goTo = (next: number): void => {
    setSearchParams(next === 1 ? {} : { page: String(next) });
  };

  // Note: a page beyond the end (items were removed, or an old bookmark) shows the last page instead.
  useEffect(() => {
    if (query.isSuccess && !query.isPlaceholderData && page > pages) goTo(pages);
  });

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Stack align="flex-start">
        <Alert color="red" role="alert">
          {t('loadError')} {problemMessage(query.error, t)}
        </Alert>
        <Button variant="outline" onClick={() => void query.refetch()}>
          {t('retry')}
        </Button>
      </Stack>
    );
  }

  const items = query.data.notifications.items;
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button variant="outline" onClick={() => markAll.mutate()} disabled={unread === 0} loading={markAll.isPending}>
          {t('markAllRead')}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Card withBorder padding={0} radius="md">
          <NotificationList items={items} onOpen={open} showAbsoluteTime />
        </Card>
      )}
      {pages > 1 && (
        <nav aria-label={t('pagination.label')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={goTo}
            getControlProps={(control) =>
              control === 'previous'
                ? { 'aria-label': t('pagination.previous') }
                : control === 'next'
                  ? { 'aria-label': t('pagination.next') }
                  : {}
            }
            getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
          />
        </nav>
      )}
    </Stack>
  );
}

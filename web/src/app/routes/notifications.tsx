import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { NotificationChannels } from '@/features/accounts/components/notification-channels';
import { AllNotifications } from '@/features/notifications/components/all-notifications';

/** The notification centre, for every signed-in role. */
export default function NotificationsRoute(): ReactNode {
  const { t } = useTranslation('notifications');
  return (
    <Page title={t('title')} description={<Text c="dimmed">{t('description')}</Text>}>
      <NotificationChannels />
      <AllNotifications />
    </Page>
  );
}

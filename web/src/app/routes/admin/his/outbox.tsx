import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { OutboxList } from '@/features/his/components/outbox-list';

/** The HIS outbox and its dead letters, for admins. */
export default function HisOutboxRoute(): ReactNode {
  const { t } = useTranslation('his');
  return (
    <Page title={t('outbox.title')} description={<Text c="dimmed">{t('outbox.description')}</Text>}>
      <OutboxList />
    </Page>
  );
}

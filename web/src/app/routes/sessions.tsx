import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { SessionList } from '@/features/accounts/components/session-list';

/** Where the account is signed in (every role), and signing a device out. */
export default function SessionsRoute(): ReactNode {
  const { t } = useTranslation('accounts');
  return (
    <Page title={t('sessions.title')} description={<Text c="dimmed">{t('sessions.description')}</Text>}>
      <SessionList />
    </Page>
  );
}

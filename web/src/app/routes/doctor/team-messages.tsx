import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { TeamMessages } from '@/features/family/components/team-messages';

/** The team's conversations with signed patients. */
export default function TeamMessagesRoute(): ReactNode {
  const { t } = useTranslation('family');
  return (
    <Page title={t('pages.teamMessages')} description={<Text c="dimmed">{t('pages.teamMessagesHelp')}</Text>}>
      <TeamMessages />
    </Page>
  );
}

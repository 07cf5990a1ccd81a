import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PanelHome } from '@/features/family/components/panel-home';

/** The family doctor's panel of signed patients. */
export default function PanelRoute(): ReactNode {
  const { t } = useTranslation('family');
  return (
    <Page title={t('pages.panel')} description={<Text c="dimmed">{t('pages.panelHelp')}</Text>}>
      <PanelHome />
    </Page>
  );
}

import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { ReleaseQueue } from '@/features/results/components/release-queue';

/** Sensitive results the doctor ordered, waiting for the doctor to release them to the patient (domain rule 25). */
export default function ResultsToReleaseRoute(): ReactNode {
  const { t } = useTranslation('results');
  return (
    <Page title={t('pages.toRelease')} description={<Text c="dimmed">{t('pages.toReleaseHelp')}</Text>}>
      <ReleaseQueue />
    </Page>
  );
}

import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { Page } from '@/components/page';
import { ReadingsHome } from '@/features/family/components/readings-home';
import { useOwnPatientId } from '@/app/use-own-patient-id';

/** Home readings: record blood pressure, heart rate, glucose and weight, and see them against the targets. */
export default function HealthReadingsRoute(): ReactNode {
  const { t } = useTranslation('family');
  const patientId = useOwnPatientId();
  return (
    <Page title={t('pages.readings')} description={<Text c="dimmed">{t('pages.readingsHelp')}</Text>}>
      {patientId ? <ReadingsHome patientId={patientId} /> : <PageLoader />}
    </Page>
  );
}

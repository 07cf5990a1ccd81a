import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { Page } from '@/components/page';
import { ScopeGate } from '@/features/accounts/components/scope-gate';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { ReadingsHome } from '@/features/family/components/readings-home';

/** Home readings: record blood pressure, heart rate, glucose and weight, and see them against the targets. */
export default function HealthReadingsRoute(): ReactNode {
  const { t } = useTranslation('family');
  const patientId = useActingPatient().patient?.id;
  return (
    <Page title={t('pages.readings')} description={<Text c="dimmed">{t('pages.readingsHelp')}</Text>}>
      <ScopeGate scope="results">{patientId ? <ReadingsHome patientId={patientId} /> : <PageLoader />}</ScopeGate>
    </Page>
  );
}

import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { Page } from '@/components/page';
import { PatientMessages } from '@/features/family/components/patient-messages';
import { useOwnPatientId } from '@/app/use-own-patient-id';

/** The patient's secure messages with their family-doctor team. */
export default function MessagesRoute(): ReactNode {
  const { t } = useTranslation('family');
  const patientId = useOwnPatientId();
  return (
    <Page title={t('pages.messages')} description={<Text c="dimmed">{t('pages.messagesHelp')}</Text>}>
      {patientId ? <PatientMessages patientId={patientId} /> : <PageLoader />}
    </Page>
  );
}

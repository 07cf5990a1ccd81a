import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { Page } from '@/components/page';
import { ScopeGate } from '@/features/accounts/components/scope-gate';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { PatientMessages } from '@/features/family/components/patient-messages';

/** The patient's secure messages with their family-doctor team. */
export default function MessagesRoute(): ReactNode {
  const { t } = useTranslation('family');
  const patientId = useActingPatient().patient?.id;
  return (
    <Page title={t('pages.messages')} description={<Text c="dimmed">{t('pages.messagesHelp')}</Text>}>
      <ScopeGate scope="messages">{patientId ? <PatientMessages patientId={patientId} /> : <PageLoader />}</ScopeGate>
    </Page>
  );
}

import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { Page } from '@/components/page';
import { ScopeGate } from '@/features/accounts/components/scope-gate';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { FamilyDoctorHome } from '@/features/family/components/family-doctor-home';

/** The patient's family doctor: the contract, or the teams to sign with. */
export default function FamilyDoctorRoute(): ReactNode {
  const { t } = useTranslation('family');
  const patientId = useActingPatient().patient?.id;
  return (
    <Page title={t('pages.familyDoctor')} description={<Text c="dimmed">{t('pages.familyDoctorHelp')}</Text>}>
      <ScopeGate scope="appointments">{patientId ? <FamilyDoctorHome patientId={patientId} /> : <PageLoader />}</ScopeGate>
    </Page>
  );
}

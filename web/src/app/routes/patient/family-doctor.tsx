import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { Page } from '@/components/page';
import { FamilyDoctorHome } from '@/features/family/components/family-doctor-home';
import { useOwnPatientId } from '@/app/use-own-patient-id';

/** The patient's family doctor: the contract, or the teams to sign with. */
export default function FamilyDoctorRoute(): ReactNode {
  const { t } = useTranslation('family');
  const patientId = useOwnPatientId();
  return (
    <Page title={t('pages.familyDoctor')} description={<Text c="dimmed">{t('pages.familyDoctorHelp')}</Text>}>
      {patientId ? <FamilyDoctorHome patientId={patientId} /> : <PageLoader />}
    </Page>
  );
}

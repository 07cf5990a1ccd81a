import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { ScopeGate } from '@/features/accounts/components/scope-gate';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { MedicationList } from '@/features/renewals/components/medication-list';
import { MyRenewalsList } from '@/features/renewals/components/my-renewals-list';
import { useRenewalsLive } from '@/features/renewals/components/use-renewals-live';

/** "My medications": everything the patient takes, what can be renewed, and their renewal requests. */
export default function MedicationsRoute(): ReactNode {
  const { t } = useTranslation('renewals');
  const acting = useActingPatient();
  const patientId = acting.patient?.id;
  useRenewalsLive();
  return (
    <Page title={t('medications.title')} description={t('medications.description')}>
      <ScopeGate scope="medications">
        <Stack gap="xl">
          <MedicationList patientId={patientId} />
          <MyRenewalsList patientId={patientId} namePatient={acting.patients.length > 1} />
        </Stack>
      </ScopeGate>
    </Page>
  );
}

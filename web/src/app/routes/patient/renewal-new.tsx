import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { ScopeGate } from '@/features/accounts/components/scope-gate';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { RenewalForm } from '@/features/renewals/components/renewal-form';

/** Asking for a renewal of the medicines chosen on "My medications" (?drug=<id>&drug=<id>). */
export default function RenewalNewRoute(): ReactNode {
  const { t } = useTranslation('renewals');
  const patient = useActingPatient().patient;
  const patientId = patient?.id;
  const [params] = useSearchParams();
  return (
    <Page title={t('form.title')}>
      <ScopeGate scope="medications">
        <RenewalForm patientId={patientId} drugIds={params.getAll('drug')} guardianFor={patient?.guardianMustAttend ? patient.name : undefined} />
      </ScopeGate>
    </Page>
  );
}

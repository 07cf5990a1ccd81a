import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '@/components/page';
import { usePatientSummary } from '@/features/family/api/get-patient-summary';
import { PatientSummaryView } from '@/features/family/components/patient-summary';

/** A signed patient's summary, titled with their name. */
export default function PatientSummaryRoute(): ReactNode {
  const { t } = useTranslation('family');
  const { patientId = '' } = useParams();
  const summary = usePatientSummary(patientId);
  return (
    <Page title={summary.data?.patient.name ?? t('pages.summary')}>
      <PatientSummaryView patientId={patientId} />
    </Page>
  );
}

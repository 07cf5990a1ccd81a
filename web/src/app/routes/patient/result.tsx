import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { Page } from '@/components/page';
import { ResultDetailView } from '@/features/results/components/result-detail';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';

/** One lab report with its values. */
export default function ResultRoute(): ReactNode {
  const { t } = useTranslation('results');
  const { reportId = '' } = useParams();
  const patientId = useActingPatient().patient?.id;
  return <Page title={t('pages.result')}>{patientId ? <ResultDetailView patientId={patientId} reportId={reportId} /> : <PageLoader />}</Page>;
}

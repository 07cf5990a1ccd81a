import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { Page } from '@/components/page';
import { TrendView } from '@/features/results/components/trend-chart';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';

/** One value over time. */
export default function ResultTrendRoute(): ReactNode {
  const { t } = useTranslation('results');
  const { code = '' } = useParams();
  const patientId = useActingPatient().patient?.id;
  return <Page title={t('pages.trend')}>{patientId ? <TrendView patientId={patientId} code={code} /> : <PageLoader />}</Page>;
}

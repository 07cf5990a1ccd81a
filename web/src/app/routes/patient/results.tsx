import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { Page } from '@/components/page';
import { RecordDownload } from '@/features/results/components/record-download';
import { ResultsList } from '@/features/results/components/results-list';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';

/** 报告查询: the patient's lab reports. */
export default function ResultsRoute(): ReactNode {
  const { t } = useTranslation('results');
  const patientId = useActingPatient().patient?.id;
  return (
    <Page title={t('pages.results')} description={<Text c="dimmed">{t('pages.resultsHelp')}</Text>}>
      {patientId ? (
        <>
          <ResultsList patientId={patientId} />
          <RecordDownload patientId={patientId} />
        </>
      ) : (
        <PageLoader />
      )}
    </Page>
  );
}

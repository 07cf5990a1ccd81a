import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { RecordsOffice } from '@/features/video-visits/components/records-office';

/** Medical records staff (病案室): their institution's visit recordings, to find and play. */
export default function MedicalRecordsRoute(): ReactNode {
  const { t } = useTranslation('visits');
  return (
    <Page title={t('records.title')} description={t('records.description')}>
      <RecordsOffice />
    </Page>
  );
}

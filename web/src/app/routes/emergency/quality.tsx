import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { QualityReview } from '@/features/emergency/components/quality';

/** Quality review of the pre-hospital pathways (intervals per pathway, CSV). */
export default function QualityRoute(): ReactNode {
  const { t } = useTranslation('emergency');
  return (
    <Page title={t('quality.title')} description={t('quality.description')}>
      <QualityReview />
    </Page>
  );
}

import { IconClipboardCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyStateCard } from '@/components/empty-state-card';
import { Page } from '@/components/page';

/** The pharmacist's home: prescriptions waiting for review. */
export default function ReviewQueueRoute(): ReactNode {
  const { t } = useTranslation('home');
  return (
    <Page title={t('pharmacist.title')}>
      <EmptyStateCard
        title={t('pharmacist.pending')}
        message={t('pharmacist.pendingEmpty')}
        icon={<IconClipboardCheck size={20} />}
      />
    </Page>
  );
}

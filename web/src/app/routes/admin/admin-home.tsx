import { IconSettings } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyStateCard } from '@/components/empty-state-card';
import { Page } from '@/components/page';

/** The administrator's home. */
export default function AdminHomeRoute(): ReactNode {
  const { t } = useTranslation('home');
  return (
    <Page title={t('admin.title')}>
      <EmptyStateCard title={t('admin.overview')} message={t('admin.overviewEmpty')} icon={<IconSettings size={20} />} />
    </Page>
  );
}

import { SimpleGrid } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyStateCard } from '@/components/empty-state-card';
import { Page } from '@/components/page';
import { RenewalFeeSettings } from '@/features/renewals/components/renewal-fee-settings';

/** The administrator's home. */
export default function AdminHomeRoute(): ReactNode {
  const { t } = useTranslation('home');
  return (
    <Page title={t('admin.title')}>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <EmptyStateCard title={t('admin.overview')} message={t('admin.overviewEmpty')} icon={<IconSettings size={20} />} />
        <RenewalFeeSettings />
      </SimpleGrid>
    </Page>
  );
}

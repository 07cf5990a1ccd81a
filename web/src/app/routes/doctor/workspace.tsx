import { SimpleGrid } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyStateCard } from '@/components/empty-state-card';
import { Page } from '@/components/page';
import { MyPatientsCard } from '@/features/family/components/my-patients-card';
import { RenewalQueueCard } from '@/features/renewals/components/renewal-queue-card';

/** The doctor's home. */
export default function WorkspaceRoute(): ReactNode {
  const { t } = useTranslation('home');
  return (
    <Page title={t('doctor.title')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <EmptyStateCard
          title={t('doctor.todaysVisits')}
          message={t('doctor.todaysVisitsEmpty')}
          icon={<IconCalendarEvent size={20} />}
        />
        <RenewalQueueCard />
        <MyPatientsCard />
      </SimpleGrid>
    </Page>
  );
}

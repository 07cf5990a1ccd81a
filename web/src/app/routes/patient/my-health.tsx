import { SimpleGrid, Text } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyStateCard } from '@/components/empty-state-card';
import { Page } from '@/components/page';
import { useMe } from '@/features/accounts/api/get-me';
import { LatestMessagesCard } from '@/features/family/components/latest-messages-card';
import { MedicationsCard } from '@/features/renewals/components/medications-card';
import { useOwnPatientId } from '@/app/use-own-patient-id';

/** The patient's home: appointments, medications and the latest messages. */
export default function MyHealthRoute(): ReactNode {
  const { t } = useTranslation('home');
  const me = useMe();
  const patientId = useOwnPatientId();
  return (
    <Page
      title={t('patient.title')}
      description={me.data ? <Text>{t('patient.greeting', { name: me.data.name })}</Text> : undefined}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <EmptyStateCard
          title={t('patient.appointments')}
          message={t('patient.appointmentsEmpty')}
          icon={<IconCalendar size={20} />}
        />
        <MedicationsCard patientId={patientId} />
        <LatestMessagesCard patientId={patientId} />
      </SimpleGrid>
    </Page>
  );
}

import { SimpleGrid, Text } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyStateCard } from '@/components/empty-state-card';
import { Page } from '@/components/page';
import { useMe } from '@/features/accounts/api/get-me';
import { UpcomingAppointmentsCard } from '@/features/appointments/components/upcoming-appointments-card';
import { MedicationsCard } from '@/features/renewals/components/medications-card';

/** The patient's home: upcoming appointments, medications and messages. */
export default function MyHealthRoute(): ReactNode {
  const { t } = useTranslation('home');
  const me = useMe();
  return (
    <Page
      title={t('patient.title')}
      description={me.data ? <Text>{t('patient.greeting', { name: me.data.name })}</Text> : undefined}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <UpcomingAppointmentsCard
          patientId={me.data?.patients[0]?.id}
          title={t('patient.appointments')}
          emptyMessage={t('patient.appointmentsEmpty')}
        />
        <MedicationsCard patientId={me.data?.patients[0]?.id} />
        <EmptyStateCard
          title={t('patient.messages')}
          message={t('patient.messagesEmpty')}
          icon={<IconMessage size={20} />}
        />
      </SimpleGrid>
    </Page>
  );
}

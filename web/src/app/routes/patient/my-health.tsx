import { SimpleGrid, Text } from '@mantine/core';
import { IconCalendar, IconMessage } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyStateCard } from '@/components/empty-state-card';
import { Page } from '@/components/page';
import { useMe } from '@/features/accounts/api/get-me';
import { MedicationsCard } from '@/features/renewals/components/medications-card';

/** The patient's home: appointments, medications and messages (cards stay empty until their features land). */
export default function MyHealthRoute(): ReactNode {
  const { t } = useTranslation('home');
  const me = useMe();
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

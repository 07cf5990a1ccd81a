import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { useMe } from '@/features/accounts/api/get-me';
import { UpcomingAppointmentsCard } from '@/features/appointments/components/upcoming-appointments-card';
import { LatestMessagesCard } from '@/features/family/components/latest-messages-card';
import { MedicationsCard } from '@/features/renewals/components/medications-card';

/** The patient's home: upcoming appointments, medications and the latest messages. */
export default function MyHealthRoute(): ReactNode {
  const { t } = useTranslation('home');
  const me = useMe();
  const patientId = useActingPatient().patient?.id;
  return (
    <Page
      title={t('patient.title')}
      description={me.data ? <Text>{t('patient.greeting', { name: me.data.name })}</Text> : undefined}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <UpcomingAppointmentsCard
          patientId={patientId}
          title={t('patient.appointments')}
          emptyMessage={t('patient.appointmentsEmpty')}
        />
        <MedicationsCard patientId={patientId} />
        <LatestMessagesCard patientId={patientId} />
      </SimpleGrid>
    </Page>
  );
}

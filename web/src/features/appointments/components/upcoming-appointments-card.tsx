import { Anchor, Stack, Text } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyStateCard } from '@/components/empty-state-card';
import { formatDateTimeIn } from '@/lib/date-time';
import { useAppointments } from '../api/list-appointments';

/** The "Appointments" card of the patient's home: the next few, or an invitation to book. */
export function UpcomingAppointmentsCard({ patientId, title, emptyMessage }: { patientId: string | undefined; title: string; emptyMessage: string }): ReactNode {
  const { t, i18n } = useTranslation('appointments');
  const upcoming = useAppointments(patientId, 'Upcoming', 3);
  const items = upcoming.data?.items ?? [];
  return (
    <EmptyStateCard title={title} message={items.length === 0 ? emptyMessage : t('home.next', { count: upcoming.data?.total ?? 0 })} icon={<IconCalendar size={20} />}>
      <Stack gap={6} mt="sm">
        {items.map((a) => (
          <Anchor key={a.id} component={Link} to={`/appointments/${a.id}`}>
            {formatDateTimeIn(a.start, a.timeZone, i18n.language)} · {a.doctor.name} · {t(`status.${a.status}`)}
          </Anchor>
        ))}
        <Text size="sm">
          <Anchor component={Link} to={items.length === 0 ? '/find-care' : '/appointments'}>
            {items.length === 0 ? t('home.book') : t('home.all')}
          </Anchor>
        </Text>
      </Stack>
    </EmptyStateCard>
  );
}

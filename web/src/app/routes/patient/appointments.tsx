import { Alert, Anchor, Badge, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { ScopeGate } from '@/features/accounts/components/scope-gate';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { useLeaveWaitlist } from '@/features/appointments/api/leave-waitlist';
import { useAppointments, type AppointmentScope } from '@/features/appointments/api/list-appointments';
import { useWaitlist } from '@/features/appointments/api/list-waitlist';
import { AppointmentActions } from '@/features/appointments/components/appointment-actions';
import { AppointmentSummary } from '@/features/appointments/components/appointment-summary';
import { useAppointmentLiveUpdates } from '@/features/appointments/components/use-appointment-live-updates';
import { formatLocalDate } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';

function AppointmentList({ patientId, scope, namePatient }: { patientId: string; scope: AppointmentScope; namePatient: boolean }): ReactNode {
  const { t } = useTranslation('appointments');
  const list = useAppointments(patientId, scope);
  if (list.isPending) return <PageLoader />;
  if (list.isError) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(list.error, t)}
      </Alert>
    );
  }
  if (list.data.items.length === 0) return <Text>{t(scope === 'Upcoming' ? 'myAppointments.noUpcoming' : 'myAppointments.noPast')}</Text>;
  return (
    <Stack gap="sm">
      {list.data.items.map((appointment) => (
        <AppointmentSummary key={appointment.id} appointment={appointment} headingOrder={3} patientName={namePatient ? appointment.patientName : undefined}>
          <AppointmentActions appointment={appointment} />
        </AppointmentSummary>
      ))}
    </Stack>
  );
}

function Waitlist({ patientId }: { patientId: string }): ReactNode {
  const { t, i18n } = useTranslation('appointments');
  const entries = useWaitlist(patientId);
  const leave = useLeaveWaitlist();
  if (!entries.data || entries.data.length === 0) return <Text size="sm">{t('waitlist.empty')}</Text>;
  return (
    <Stack gap="xs">
      {entries.data.map((entry) => (
        <Card key={entry.id} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={2}>
              <Text fw={600}>
                {entry.doctorName} · {formatLocalDate(entry.date, i18n.language)}
              </Text>
              <Text size="sm">{t(`visitType.${entry.visitType}`)}</Text>
            </Stack>
            {entry.status === 'Waiting' ? (
              <Group gap="xs">
                <Badge variant="light" c="dark.8">{t('waitlist.position', { position: entry.position })}</Badge>
                <Button size="xs" variant="subtle" color="red" onClick={() => leave.mutate(entry.id)}>
                  {t('waitlist.leave')}
                </Button>
              </Group>
            ) : entry.offeredAppointmentId ? (
              <Anchor component={Link} to={`/appointments/${entry.offeredAppointmentId}`}>
                {t('waitlist.offered')}
              </Anchor>
            ) : null}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** My appointments: upcoming and past, with cancel, reschedule, pay and add to calendar; and the waitlist. */
export default function AppointmentsRoute(): ReactNode {
  const { t } = useTranslation('appointments');
  const acting = useActingPatient();
  const patientId = acting.patient?.id;
  // Note: an account acting for several people sees whose appointment each one is (issue 15).
  const namePatient = acting.patients.length > 1;
  useAppointmentLiveUpdates();
  return (
    <Page title={t('myAppointments.title')}>
      <Group>
        <Button component={Link} to="/find-care">
          {t('myAppointments.bookNew')}
        </Button>
      </Group>
      <ScopeGate scope="appointments">
      {patientId ? (
        <>
          <Tabs defaultValue="upcoming" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="upcoming">{t('myAppointments.upcoming')}</Tabs.Tab>
              <Tabs.Tab value="past">{t('myAppointments.past')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="upcoming" pt="md">
              <AppointmentList patientId={patientId} scope="Upcoming" namePatient={namePatient} />
            </Tabs.Panel>
            <Tabs.Panel value="past" pt="md">
              <AppointmentList patientId={patientId} scope="Past" namePatient={namePatient} />
            </Tabs.Panel>
          </Tabs>
          <Stack gap="xs" component="section" aria-labelledby="waitlist-title">
            <Title order={2} size="h4" id="waitlist-title">
              {t('waitlist.title')}
            </Title>
            <Waitlist patientId={patientId} />
          </Stack>
        </>
      ) : (
        <PageLoader />
      )}
      </ScopeGate>
    </Page>
  );
}

import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { useAppointment } from '@/features/appointments/api/get-appointment';
import { useRescheduleAppointment } from '@/features/appointments/api/reschedule-appointment';
import type { FreeSlot } from '@/features/appointments/api/schemas';
import { AppointmentActions } from '@/features/appointments/components/appointment-actions';
import { AppointmentSummary } from '@/features/appointments/components/appointment-summary';
import { useAppointmentLiveUpdates } from '@/features/appointments/components/use-appointment-live-updates';
import { PaymentStep } from '@/features/appointments/components/payment-step';
import { SlotPicker } from '@/features/appointments/components/slot-picker';
import { TimeZoneNote } from '@/features/appointments/components/time-zone-note';
import { problemMessage } from '@/lib/problem-message';
import { ProblemAlert } from '@/components/problem-alert';

/** One appointment: its state, the pay step while held, cancel, reschedule and add to calendar. */
export default function AppointmentRoute(): ReactNode {
  const { t } = useTranslation('appointments');
  const { t: tv } = useTranslation('visits');
  const { appointmentId } = useParams();
  const [params, setParams] = useSearchParams();
  const appointment = useAppointment(appointmentId);
  const reschedule = useRescheduleAppointment();
  const [slot, setSlot] = useState<FreeSlot | null>(null);
  const rescheduling = params.get('reschedule') === '1';
  useAppointmentLiveUpdates();

  if (appointment.isPending) return <PageLoader />;
  if (appointment.isError) {
    return (
      <Page title={t('detail.title')}>
        <Alert color="red" role="alert">
          {problemMessage(appointment.error, t)}
        </Alert>
      </Page>
    );
  }

  const a = appointment.data;
  return (
    <Page title={t('detail.title')}>
      <TimeZoneNote timeZone={a.timeZone} />
      <AppointmentSummary appointment={a}>
        <AppointmentActions appointment={a} showDetailsLink={false} />
      </AppointmentSummary>
      {a.visitType === 'Video' && ['Booked', 'CheckedIn', 'InProgress', 'Completed'].includes(a.status) && (
        <Button component={Link} to={`/visits/${a.id}`} w="fit-content">
          {a.status === 'Completed' ? tv('patient.view') : tv('patient.enter')}
        </Button>
      )}
      {a.status === 'PendingReview' && <Alert color="yellow">{t('book.waiting')}</Alert>}
      {a.status === 'PendingPayment' && (
        <Stack component="section" aria-labelledby="pay-title" gap="xs">
          <Title order={2} size="h4" id="pay-title">
            {t('book.stepPay')}
          </Title>
          <PaymentStep appointment={a} onPaid={() => void appointment.refetch()} />
        </Stack>
      )}
      {rescheduling && a.canReschedule && (
        <Stack component="section" aria-labelledby="reschedule-title" gap="sm">
          <Title order={2} size="h4" id="reschedule-title">
            {t('detail.rescheduleTitle')}
          </Title>
          {reschedule.isError && <ProblemAlert error={reschedule.error} />}
          <SlotPicker doctorId={a.doctor.id} timeZone={a.timeZone} visitType={a.visitType} selectedId={slot?.id} onSelect={setSlot} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setParams({})}>
              {t('actions.keep')}
            </Button>
            <Button
              disabled={!slot}
              loading={reschedule.isPending}
              onClick={() => slot && reschedule.mutate({ id: a.id, slotId: slot.id }, { onSuccess: () => { setSlot(null); setParams({}); } })}
            >
              {t('detail.moveHere')}
            </Button>
          </Group>
        </Stack>
      )}
    </Page>
  );
}

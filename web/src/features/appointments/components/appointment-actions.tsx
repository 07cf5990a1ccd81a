import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTimeIn } from '@/lib/date-time';
import { useCancelAppointment } from '../api/cancel-appointment';
import { downloadCalendarFile } from '../api/download-calendar-file';
import type { Appointment } from '../api/schemas';
import { ProblemAlert } from '@/components/problem-alert';

/** Pay, cancel (with the refund policy said up front), reschedule and add to calendar, as the state allows. */
export function AppointmentActions({ appointment, showDetailsLink = true }: { appointment: Appointment; showDetailsLink?: boolean }): ReactNode {
  const { t, i18n } = useTranslation('appointments');
  const [confirmOpen, confirm] = useDisclosure(false);
  const cancel = useCancelAppointment();
  const when = formatDateTimeIn(appointment.start, appointment.timeZone, i18n.language);
  const upcoming = ['PendingReview', 'PendingPayment', 'Booked'].includes(appointment.status);

  return (
    <Stack gap="xs">
      {upcoming && !appointment.canCancel && <Text size="sm" c="dimmed">{t('actions.tooLate', { time: formatDateTimeIn(appointment.changeDeadline, appointment.timeZone, i18n.language) })}</Text>}
      {cancel.isError && <ProblemAlert error={cancel.error} />}
      <Group gap="xs">
        {appointment.status === 'PendingPayment' && (
          <Button size="sm" component={Link} to={`/appointments/${appointment.id}`} aria-label={t('actions.payLabel', { when })}>
            {t('actions.pay')}
          </Button>
        )}
        {showDetailsLink && appointment.status !== 'PendingPayment' && (
          <Button size="sm" variant="light" component={Link} to={`/appointments/${appointment.id}`} aria-label={t('actions.detailsLabel', { when })}>
            {t('actions.details')}
          </Button>
        )}
        {appointment.canReschedule && (
          <Button size="sm" variant="light" component={Link} to={`/appointments/${appointment.id}?reschedule=1`} aria-label={t('actions.rescheduleLabel', { when })}>
            {t('actions.reschedule')}
          </Button>
        )}
        {appointment.status === 'Booked' && (
          <Button size="sm" variant="subtle" leftSection={<IconCalendarPlus size={16} aria-hidden="true" />} onClick={() => void downloadCalendarFile(appointment.id)} aria-label={t('actions.addToCalendarLabel', { when })}>
            {t('actions.addToCalendar')}
          </Button>
        )}
        {appointment.canCancel && (
          <Button size="sm" variant="outline" color="red" onClick={confirm.open} aria-label={t('actions.cancelLabel', { when })}>
            {t('actions.cancel')}
          </Button>
        )}
      </Group>
      <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={confirmOpen} onClose={confirm.close} title={t('actions.cancelTitle')} centered>
        <Stack>
          <Text>{t('actions.cancelConfirm', { when })}</Text>
          {appointment.paymentStatus === 'Succeeded' && <Text fw={600}>{t('actions.cancelRefund')}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t('actions.keep')}
            </Button>
            <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate(appointment.id, { onSettled: confirm.close })}>
              {t('actions.confirmCancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconMapPin, IconVideo } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeIn, formatMoney, timeZoneName } from '@/lib/date-time';
import type { Appointment } from '../api/schemas';
import { StatusBadge } from './status-badge';

/**
 * Who, when (in the hospital's zone, said so), how and how much. `patientName`: whose appointment it is, shown when the
 * account acts for several people so nobody takes one child's appointment for another's.
 */
export function AppointmentSummary({ appointment, headingOrder = 2, patientName, children }: { appointment: Appointment; headingOrder?: 2 | 3; patientName?: string; children?: ReactNode }): ReactNode {
  const { t, i18n } = useTranslation('appointments');
  const en = i18n.language !== 'zh-CN';
  const when = formatDateTimeIn(appointment.start, appointment.timeZone, i18n.language);
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={t('summary.label', { doctor: appointment.doctor.name, when })}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={headingOrder} size="h4">
            {when}
          </Title>
          <StatusBadge status={appointment.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {timeZoneName(appointment.timeZone, i18n.language)}
        </Text>
        {patientName && <Text fw={600}>{t('summary.forPatient', { name: patientName })}</Text>}
        <Text>
          {appointment.doctor.name} · {en ? appointment.doctor.titleEn : appointment.doctor.title} · {en ? appointment.department.nameEn : appointment.department.name}
        </Text>
        <Group gap={6} wrap="nowrap">
          {appointment.visitType === 'Video' ? <IconVideo size={16} aria-hidden="true" /> : <IconMapPin size={16} aria-hidden="true" />}
          <Text size="sm">
            {appointment.visitType === 'Video' ? t('visitType.Video') : `${t('visitType.InPerson')} · ${en ? appointment.facility.nameEn : appointment.facility.name}`}
          </Text>
        </Group>
        <Text size="sm">{t('summary.fee', { fee: formatMoney(appointment.fee, appointment.currency, i18n.language) })}</Text>
        {appointment.refundedAmount > 0 && (
          <Text size="sm" fw={600}>
            {t('summary.refunded', { amount: formatMoney(appointment.refundedAmount, appointment.currency, i18n.language) })}
          </Text>
        )}
        {appointment.cancellationReason && (
          <Text size="sm" c="dimmed">
            {t(`cancellation.${appointment.cancellationReason}`, { defaultValue: appointment.cancellationReason })}
          </Text>
        )}
        {children}
      </Stack>
    </Card>
  );
}

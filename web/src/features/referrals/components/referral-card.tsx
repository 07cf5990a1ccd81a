import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatLocalDate } from '@/lib/date-time';
import { localName, type Referral } from '../api/referrals';

const statusColors: Record<Referral['status'], string> = {
  Created: 'blue.9',
  Accepted: 'teal.9',
  AppointmentProposed: 'grape.9',
  Booked: 'teal.9',
  Declined: 'red.9',
  Cancelled: 'gray.7',
  Completed: 'indigo.9',
};

/** One referral as both institutions and the patient read it: where from and to, why, what is attached, the timeline. */
export function ReferralCard({ referral, showPatient = false, children }: { referral: Referral; showPatient?: boolean; children?: ReactNode }): ReactNode {
  const { t, i18n } = useTranslation('referrals');
  const language = i18n.language;
  const to = referral.toDepartment ? localName(referral.toDepartment, language) : localName(referral.toTeam, language);
  return (
    <Card component="li" withBorder radius="md" padding="md" aria-label={t('card.label', { to })}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            {t(`direction.${referral.direction}`)} · {to}
          </Title>
          <Group gap={4}>
            {referral.urgency === 'Urgent' && <Badge color="red.9" variant="filled">{t('urgency.Urgent')}</Badge>}
            <Badge color={statusColors[referral.status]} variant="filled">{t(`status.${referral.status}`)}</Badge>
          </Group>
        </Group>
        {showPatient && <Text fw={500}>{referral.patientName}</Text>}
        <Text size="sm" c="dimmed">
          {t('card.from', { doctor: referral.fromDoctorName, from: localName(referral.fromFacility, language), to: localName(referral.toFacility, language) })}
        </Text>
        <Text size="sm">
          <strong>{t('card.reason')}</strong> {referral.reason}
        </Text>
        {referral.clinicalQuestion && (
          <Text size="sm">
            <strong>{referral.direction === 'Up' ? t('card.question') : t('card.carePlan')}</strong> {referral.clinicalQuestion}
          </Text>
        )}
        {referral.declineReason && (
          <Text size="sm" c="red">
            <strong>{t('card.declineReason')}</strong> {referral.declineReason}
          </Text>
        )}
        {referral.attachments.length > 0 && (
          <Text size="sm">
            <strong>{t('card.attachments')}</strong> {referral.attachments.map((a) => `${t(`attachmentKind.${a.kind}`)}: ${a.title}`).join('；')}
          </Text>
        )}
        {referral.medicines.length > 0 && (
          <List size="sm" aria-label={t('card.medicines')}>
            {referral.medicines.map((m, index) => (
              <List.Item key={index}>
                {language.startsWith('en') ? m.line.drugNameEn : m.line.drugName} {m.line.strength} · {m.line.doseAmount} {m.line.doseUnit} {m.line.frequency} ·{' '}
                {t('card.days', { count: m.days })}
              </List.Item>
            ))}
          </List>
        )}
        {referral.tasks.length > 0 && (
          <List size="sm" aria-label={t('card.tasks')}>
            {referral.tasks.map((task) => (
              <List.Item key={task.templateCode}>
                {language.startsWith('en') ? task.titleEn : task.title} · {t('card.dueOn', { date: formatLocalDate(task.dueOn, language) })}
              </List.Item>
            ))}
          </List>
        )}
        {referral.proposedSlot && (
          <Text size="sm">
            <strong>{t('card.proposed')}</strong> {formatInstant(referral.proposedSlot.start, language)} · {referral.proposedSlot.doctorName}
          </Text>
        )}
        <List size="xs" c="dimmed" aria-label={t('card.timeline')}>
          {referral.timeline.map((event, index) => (
            <List.Item key={index}>
              {formatInstant(event.at, language)} · {t(`status.${event.status}`)}
              {event.note ? ` · ${event.note}` : ''}
            </List.Item>
          ))}
        </List>
        {children}
      </Stack>
    </Card>
  );
}

import { Badge, Card, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '@/lib/date-time';
import { localName, type Consultation } from '../api/consultations';

const statusColors: Record<Consultation['status'], string> = {
  Requested: 'blue.9',
  Scheduled: 'teal.9',
  InProgress: 'grape.9',
  OpinionSigned: 'indigo.9',
  Declined: 'red.9',
  Cancelled: 'gray.7',
};

/** One remote consultation as the two institutions and the patient read it: who asks whom, what, the consent, the opinion, the timeline. */
export function ConsultationCard({ consultation, showPatient = false, children }: { consultation: Consultation; showPatient?: boolean; children?: ReactNode }): ReactNode {
  const { t, i18n } = useTranslation('consultations');
  const language = i18n.language;
  const to = consultation.toDepartment ? localName(consultation.toDepartment, language) : localName(consultation.toFacility, language);
  const summary = consultation.recordSummary;
  const opinion = consultation.opinion;
  return (
    <Card component="li" withBorder radius="md" padding="md" aria-label={t('card.label', { to })}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            {t(`mode.${consultation.mode}`)} · {to}
          </Title>
          <Group gap={4}>
            {consultation.urgency === 'Urgent' && <Badge color="red.9" variant="filled">{t('urgency.Urgent')}</Badge>}
            <Badge color={statusColors[consultation.status]} variant="filled">{t(`status.${consultation.status}`)}</Badge>
          </Group>
        </Group>
        {showPatient && <Text fw={500}>{consultation.patientName}</Text>}
        <Text size="sm" c="dimmed">
          {t('card.from', { doctor: consultation.requestingDoctor.name, from: localName(consultation.fromFacility, language), to: localName(consultation.toFacility, language) })}
        </Text>
        {consultation.specialists.length > 0 && (
          <Text size="sm">
            <strong>{t('card.specialists')}</strong>{' '}
            {consultation.specialists.map((s) => `${s.name}${s.isLead ? ` (${t('card.lead')})` : ''}`).join('、')}
          </Text>
        )}
        <Text size="sm">
          <strong>{t('card.question')}</strong> {consultation.question}
        </Text>
        <Text size="sm">
          <strong>{t('card.consent')}</strong> {t(`consentMethod.${consultation.consent.method}`, { name: consultation.consent.givenBy, at: formatInstant(consultation.consent.givenAt, language) })}
        </Text>
        {consultation.scheduledStart && (
          <Text size="sm">
            <strong>{t('card.scheduled')}</strong> {formatInstant(consultation.scheduledStart, language)}
            {consultation.patientInvited ? ` · ${t('card.patientInvited')}` : ''}
          </Text>
        )}
        {consultation.fee > 0 && (
          <Text size="sm">
            <strong>{t('card.fee')}</strong> ¥{consultation.fee.toFixed(2)} · {consultation.feePaid ? t('card.feePaid') : t('card.feeDue')}
          </Text>
        )}
        {consultation.declineReason && (
          <Text size="sm" c="red">
            <strong>{t('card.declineReason')}</strong> {consultation.declineReason}
          </Text>
        )}
        {consultation.attachments.length > 0 && (
          <Text size="sm">
            <strong>{t('card.attachments')}</strong> {consultation.attachments.map((a) => `${t(`attachmentKind.${a.kind}`)}: ${a.title || a.reference}`).join('；')}
          </Text>
        )}
        {summary && (
          <Stack gap={2} role="group" aria-label={t('summary.title')}>
            <Text size="sm" fw={500}>
              {t('summary.title')} {summary.source !== 'current' && <Text span c="red.9">({t(`summary.source.${summary.source}`, { defaultValue: summary.source })})</Text>}
            </Text>
            {summary.problems.length > 0 && <Text size="sm">{t('summary.problems')}: {summary.problems.map((p) => `${p.code} ${p.description}`).join('；')}</Text>}
            {summary.medicines.length > 0 && <Text size="sm">{t('summary.medicines')}: {summary.medicines.map((m) => `${m.name} ${m.strength} ${m.dose} ${m.frequency}`).join('；')}</Text>}
            {summary.allergies.length > 0 && <Text size="sm">{t('summary.allergies')}: {summary.allergies.map((a) => `${a.substance} (${a.reaction})`).join('；')}</Text>}
          </Stack>
        )}
        {opinion && (
          <Card withBorder radius="sm" padding="sm" aria-label={t('opinion.title')}>
            <Stack gap={4}>
              <Text fw={500}>{t('opinion.title')}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{opinion.text}</Text>
              <Text size="sm">
                <strong>{t('opinion.recommendation')}</strong> {t(`disposition.${opinion.disposition}`)}
              </Text>
              {opinion.suggestedTests && <Text size="sm"><strong>{t('opinion.tests')}</strong> {opinion.suggestedTests}</Text>}
              {opinion.suggestedMedication && <Text size="sm"><strong>{t('opinion.medication')}</strong> {opinion.suggestedMedication}</Text>}
              {opinion.followUpInDays !== null && <Text size="sm"><strong>{t('opinion.followUp')}</strong> {t('opinion.days', { count: opinion.followUpInDays })}</Text>}
              <Text size="xs" c="dimmed">
                {t('opinion.signed', { name: opinion.signedByName, at: formatInstant(opinion.signedAt, language) })} · {opinion.verified ? t('opinion.verified') : t('opinion.notVerified')}
              </Text>
              <Code style={{ wordBreak: 'break-all' }}>{opinion.contentHash}</Code>
              {consultation.addenda.length > 0 && (
                <List size="sm" aria-label={t('opinion.addenda')}>
                  {consultation.addenda.map((a) => (
                    <List.Item key={a.sequence}>
                      {a.text} — {a.authorName}, {formatInstant(a.at, language)}
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Card>
        )}
        <List size="xs" c="dimmed" aria-label={t('card.timeline')}>
          {consultation.timeline.map((e) => (
            <List.Item key={e.sequence}>
              {formatInstant(e.at, language)} · {t(`status.${e.status}`)}
            </List.Item>
          ))}
        </List>
        {children}
      </Stack>
    </Card>
  );
}

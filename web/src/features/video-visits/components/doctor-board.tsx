import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveEvent } from '@/lib/live-connection';
import { problemMessage } from '@/lib/problem-message';
import { useTodaysVisits } from '../api/list-todays-visits';
import { hospitalTimeZone } from '@/config/hospital';
import { formatTimeIn } from '@/lib/date-time';
import { AttendingLine } from './attending-line';
import { IdentityCheck } from './identity-check';

/** The doctor's video visits today (who waits, for how long), and consultations they are invited to. */
export function DoctorBoard(): ReactNode {
  const { t, i18n } = useTranslation('visits');
  const today = useTodaysVisits();
  // A patient checked in, or someone invited this doctor: refresh at once rather than at the next poll.
  useLiveEvent('visit.checkedIn', () => void today.refetch());
  useLiveEvent('notification', () => void today.refetch());

  return (
    <Stack gap="lg">
      <IdentityCheck />
      <Stack gap="xs" component="section" aria-labelledby="today-title">
        <Title order={2} size="h4" id="today-title">
          {t('doctorBoard.today')}
        </Title>
        {today.isPending && <Loader role="status" aria-label={t('call.connecting')} />}
        {today.error && <Alert color="red">{problemMessage(today.error, t)}</Alert>}
        {today.data?.visits.length === 0 && <Text c="dimmed">{t('doctorBoard.empty')}</Text>}
        {today.data?.visits.map((visit) => (
          <Card key={visit.visitId} withBorder radius="md" padding="sm" component="article" aria-label={visit.patientName}>
            <Group justify="space-between" wrap="wrap">
              <Stack gap={2}>
                <Text fw={500}>
                  {formatTimeIn(visit.start, hospitalTimeZone(), i18n.language)} · {t('doctorBoard.patient', { name: visit.patientName, age: visit.patientAge })}
                </Text>
                {visit.attending && <AttendingLine attending={visit.attending} />}
                <Group gap="xs">
                  <Badge variant="filled" color={visit.visitStatus === 'Waiting' ? 'blue' : 'gray.7'}>
                    {visit.visitStatus ? t(`status.${visit.visitStatus}`) : t('status.notCheckedIn')}
                  </Badge>
                  {visit.waitingMinutes != null && <Text size="sm">{t('doctorBoard.waitingFor', { count: visit.waitingMinutes })}</Text>}
                </Group>
              </Stack>
              {visit.visitStatus && (
                <Button component={Link} to={`/visits/${visit.visitId}`} aria-label={`${t('doctorBoard.open')}: ${visit.patientName}`}>
                  {t('doctorBoard.open')}
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="consultations-title">
        <Title order={2} size="h4" id="consultations-title">
          {t('doctorBoard.consultations')}
        </Title>
        {today.data?.consultations.length === 0 && <Text c="dimmed">{t('doctorBoard.noConsultations')}</Text>}
        {today.data?.consultations.map((c) => (
          <Card key={c.visitId} withBorder radius="md" padding="sm">
            <Group justify="space-between">
              <Text>{t('doctorBoard.invitedBy', { name: c.invitedBy })}</Text>
              <Button component={Link} to={`/visits/${c.visitId}`}>
                {t('doctorBoard.join')}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

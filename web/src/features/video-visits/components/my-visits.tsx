import { Alert, Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '@/lib/problem-message';
import { useMyVisits } from '../api/list-my-visits';
import { hospitalTimeZone } from '@/config/hospital';
import { formatDateTimeIn } from '@/lib/date-time';

/**
 * The video visits of everyone the account acts for, each with the way into its waiting room (or its summary);
 * `namePatient`: say whose each is (an account acting for several people), so a guardian joins the right child's call.
 */
export function MyVisits({ namePatient = false }: { namePatient?: boolean }): ReactNode {
  const { t, i18n } = useTranslation('visits');
  const visits = useMyVisits();
  const zh = i18n.language.startsWith('zh');
  if (visits.isPending) return <Loader role="status" aria-label={t('call.connecting')} />;
  if (visits.error) return <Alert color="red">{problemMessage(visits.error, t)}</Alert>;
  return (
    <Stack gap="sm">
      <Text>{t('patient.intro')}</Text>
      {visits.data.length === 0 && <Text c="dimmed">{t('patient.empty')}</Text>}
      {visits.data.map((visit) => {
        const finished = visit.visitStatus === 'Completed' || visit.visitStatus === 'Referred';
        return (
          <Card key={visit.visitId} withBorder radius="md" padding="md" component="article" aria-label={formatDateTimeIn(visit.start, hospitalTimeZone(), i18n.language)}>
            <Group justify="space-between" wrap="wrap">
              <Stack gap={2}>
                <Text fw={500}>{formatDateTimeIn(visit.start, hospitalTimeZone(), i18n.language)}</Text>
                {namePatient && visit.patientName && <Text fw={600}>{t('patient.forPatient', { name: visit.patientName })}</Text>}
                <Text>{t('patient.with', { doctor: visit.doctor.name, department: zh ? visit.doctor.department : visit.doctor.departmentEn })}</Text>
                <Text size="sm" c="dimmed">
                  {visit.visitStatus ? t(`status.${visit.visitStatus}`) : t('status.notCheckedIn')}
                </Text>
              </Stack>
              <Button component={Link} to={`/visits/${visit.visitId}`} variant={finished ? 'default' : 'filled'}>
                {finished ? t('patient.view') : t('patient.enter')}
              </Button>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}

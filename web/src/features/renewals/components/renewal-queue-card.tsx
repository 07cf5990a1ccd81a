import { Anchor, Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDoctorQueue } from '../api/get-doctor-queue';
import { useRenewalsLive } from './use-renewals-live';

/** The workspace card: how many renewal requests wait for the doctor (live), and the way to the queue. */
export function RenewalQueueCard(): ReactNode {
  const { t } = useTranslation('renewals');
  const { t: tHome } = useTranslation('home');
  const queue = useDoctorQueue();
  useRenewalsLive();
  const waiting = queue.data?.waiting.length ?? 0;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={tHome('doctor.renewalRequests')}>
      <Group gap="sm" mb="sm" wrap="nowrap">
        <ThemeIcon variant="light" size="lg" radius="md" aria-hidden="true">
          <IconRefresh size={20} />
        </ThemeIcon>
        <Title order={2} size="h4">
          {tHome('doctor.renewalRequests')}
        </Title>
      </Group>
      <Text c={waiting ? undefined : 'dimmed'}>{waiting ? t('doctor.cardSummary', { count: waiting }) : tHome('doctor.renewalRequestsEmpty')}</Text>
      <Anchor component={Link} to="/doctor/renewals" mt="sm" display="inline-block">
        {t('doctor.cardOpen')}
      </Anchor>
    </Card>
  );
}

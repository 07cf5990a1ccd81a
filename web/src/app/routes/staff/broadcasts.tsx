import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { useLiveBroadcasts } from '@/features/video-visits/api/broadcast';

/** /broadcasts: teaching broadcasts live now that clinical staff may watch. */
export default function BroadcastsPage(): ReactNode {
  const { t, i18n } = useTranslation('visits');
  const live = useLiveBroadcasts();
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <Stack gap="md">
      <Title order={2}>{t('broadcast.listTitle')}</Title>
      {live.error && <ProblemAlert error={live.error} />}
      {live.data?.length === 0 && <Text c="dimmed">{t('broadcast.none')}</Text>}
      {live.data?.map((broadcast) => (
        <Card key={broadcast.id} withBorder>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Anchor component={Link} to={`/broadcasts/${broadcast.id}`} fw={600}>
                {t('broadcast.by', { doctor: broadcast.doctor })}
              </Anchor>
              <Text size="sm" c="dimmed">
                {broadcast.department} · {t('broadcast.since', { time: time.format(new Date(broadcast.startedAt)) })}
              </Text>
            </Stack>
            <Text size="sm">{t('broadcast.watching', { count: broadcast.watching })}</Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';
import { hospitalTimeZone } from '@/config/hospital';
import { formatTimeIn } from '@/lib/date-time';
import { ProblemAlert } from '@/components/problem-alert';
import { useLiveBroadcasts } from '@/features/video-visits/api/broadcast';

/**
 * /broadcasts: teaching broadcasts live now that clinical staff may watch (a routed page: one h1, the document title).
 * Times are the hospital's, as everywhere else, not the viewer's device clock zone.
 */
export default function BroadcastsPage(): ReactNode {
  const { t, i18n } = useTranslation('visits');
  const live = useLiveBroadcasts();
  return (
    <Page title={t('broadcast.listTitle')}>
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
                {broadcast.department} · {t('broadcast.since', { time: formatTimeIn(broadcast.startedAt, hospitalTimeZone(), i18n.language) })}
              </Text>
            </Stack>
            <Text size="sm">{t('broadcast.watching', { count: broadcast.watching })}</Text>
          </Group>
        </Card>
      ))}
    </Page>
  );
}

import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { useStartBroadcast, useStopBroadcast, useVisitBroadcast } from '../api/broadcast';
import { useRecordingStatus } from '../api/recording';

/** The doctor's broadcast controls in the call: start/stop a teaching broadcast of their camera, and who watches. */
export function BroadcastPanel({ visitId }: { visitId: string }): ReactNode {
  const { t } = useTranslation('visits');
  const broadcast = useVisitBroadcast(visitId);
  const start = useStartBroadcast(visitId);
  const stop = useStopBroadcast(visitId);
  // Note: the recording status says whether calls go through the media server (the mesh can neither record nor broadcast).
  const media = useRecordingStatus(visitId);
  const current = broadcast.data;
  const live = current?.live ?? false;
  const watching = current?.viewers.filter((v) => v.leftAt === null) ?? [];

  if (media.data?.available !== true) return null;
  return (
    <Card withBorder component="section" aria-labelledby="broadcast-title">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id="broadcast-title">
            {t('broadcast.title')}
          </Title>
          {live && (
            <Badge color="red" data-testid="broadcast-watching">
              {t('broadcast.watching', { count: current?.watching ?? 0 })}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('broadcast.hint')}
        </Text>
        {(start.error ?? stop.error) && <ProblemAlert error={start.error ?? stop.error} />}
        {live ? (
          <Button color="red" variant="light" onClick={() => stop.mutate()} loading={stop.isPending}>
            {t('broadcast.stop')}
          </Button>
        ) : (
          <Button variant="light" onClick={() => start.mutate()} loading={start.isPending}>
            {t('broadcast.start')}
          </Button>
        )}
        {live && watching.length > 0 && (
          <List size="sm" aria-label={t('broadcast.viewers')}>
            {watching.map((viewer) => (
              <List.Item key={viewer.accountId}>{viewer.name || viewer.role}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}

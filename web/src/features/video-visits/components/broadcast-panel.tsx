import { Badge, Button, Card, Group, List, Radio, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { useSetCommentator, useStartBroadcast, useStopBroadcast, useVisitBroadcast } from '../api/broadcast';
import { useRecordingStatus } from '../api/recording';

/** A doctor in the call who may comment on the broadcast (an invited specialist). */
export interface CommentatorChoice {
  accountId: string;
  name: string;
}

/**
 * The doctor's broadcast controls in the call: start/stop a teaching broadcast of their camera, who comments over it
 * (themselves, or one of the doctors in the call: `doctors`), and who watches.
 */
export function BroadcastPanel({ visitId, doctors = [] }: { visitId: string; doctors?: readonly CommentatorChoice[] }): ReactNode {
  const { t } = useTranslation('visits');
  const broadcast = useVisitBroadcast(visitId);
  const start = useStartBroadcast(visitId);
  const stop = useStopBroadcast(visitId);
  const commentator = useSetCommentator(visitId);
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
            <Badge color="red" tt="none" data-testid="broadcast-watching">
              {t('broadcast.watching', { count: current?.watching ?? 0 })}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('broadcast.hint')}
        </Text>
        {(start.error ?? stop.error ?? commentator.error) && <ProblemAlert error={start.error ?? stop.error ?? commentator.error} />}
        {live ? (
          // Note: filled red.9 (white on it is 5.5:1); the light red variant was 3.75:1, under AA's 4.5:1 (axe).
          <Button color="red.9" onClick={() => stop.mutate()} loading={stop.isPending}>
            {t('broadcast.stop')}
          </Button>
        ) : (
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {t('broadcast.start')}
          </Button>
        )}
        {live && current && (
          <Radio.Group
            label={t('broadcast.commentator')}
            description={t('broadcast.commentatorHint')}
            // Note: the choice shows what the server holds; it changes once the server has moved the voice over.
            value={commentator.isPending ? commentator.variables : current.commentatorAccountId}
            onChange={(accountId) => commentator.mutate(accountId)}
          >
            <Stack gap={6} mt={6}>
              <Radio value={current.broadcasterAccountId} label={t('broadcast.commentatorSelf')} disabled={commentator.isPending} />
              {doctors
                .filter((doctor) => doctor.accountId !== current.broadcasterAccountId)
                .map((doctor) => (
                  <Radio key={doctor.accountId} value={doctor.accountId} label={doctor.name} disabled={commentator.isPending} />
                ))}
            </Stack>
          </Radio.Group>
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

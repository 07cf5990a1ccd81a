import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswerRecordingConsent, useRecordingStatus } from '../api/recording';
import { ProblemAlert } from '@/components/problem-alert';

/**
 * In the call: asks once per visit "May this visit be recorded?" (domain rule 30), shows everyone a clear indicator while
 * the call is recorded, and lets a person change their answer (a no stops the recording at once). Live: the room's
 * `recordingChanged` event refreshes it.
 */
export function RecordingConsent({ visitId }: { visitId: string }): ReactNode {
  const { t } = useTranslation('visits');
  const status = useRecordingStatus(visitId);
  const answer = useAnswerRecordingConsent(visitId);
  const data = status.data;
  if (!data) return null;

  if (!data.available) {
    return (
      <Text size="sm" c="dimmed">
        {t('recording.unavailable')}
      </Text>
    );
  }

  const ask = data.myConsent == null;
  return (
    <Stack gap="xs">
      {data.state === 'Recording' && (
        <Alert color="red" variant="filled" role="status" aria-live="polite" title={<RecordingBadge />}>
          {t('recording.onExplain')}
        </Alert>
      )}
      {answer.error && <ProblemAlert error={answer.error} />}
      {ask ? (
        <Alert color="blue" title={t('recording.question')} role="dialog" aria-label={t('recording.question')}>
          <Stack gap="xs">
            <Text size="sm">{t('recording.explain')}</Text>
            <Group gap="xs">
              <Button size="sm" onClick={() => answer.mutate(true)} loading={answer.isPending && answer.variables}>
                {t('recording.yes')}
              </Button>
              <Button size="sm" variant="default" onClick={() => answer.mutate(false)} loading={answer.isPending && !answer.variables}>
                {t('recording.no')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {data.myConsent ? t('recording.youAgreed') : t('recording.youDeclined')}
          </Text>
          <Button size="compact-sm" variant="subtle" onClick={() => answer.mutate(!data.myConsent)} loading={answer.isPending}>
            {t('recording.change')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function RecordingBadge(): ReactNode {
  const { t } = useTranslation('visits');
  return (
    <Badge color="white" c="red" variant="filled" leftSection={<span aria-hidden>●</span>}>
      {t('recording.on')}
    </Badge>
  );
}

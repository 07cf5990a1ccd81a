import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRecording, useVisitRecordings, type RecordingStatus, type VisitRecording } from '../api/recording';
import { hospitalTimeZone } from '@/config/hospital';
import { formatDateTimeIn } from '@/lib/date-time';

/**
 * The visit record's recording section, for the treating doctor and the patient (the server decides; anyone else is
 * refused and sees nothing): whether the visit was recorded and if not why, and a player for each recording.
 */
export function VisitRecordings({ visitId }: { visitId: string }): ReactNode {
  const { t } = useTranslation('visits');
  const list = useVisitRecordings(visitId);
  if (list.isPending || list.error || !list.data) return null;
  const { status, processing, recordings } = list.data;

  return (
    <Stack gap="xs" component="section" aria-labelledby="recording-title">
      <Title order={2} size="h3" id="recording-title">
        {t('recording.sectionTitle')}
      </Title>
      <Text>{describe(status, t)}</Text>
      {processing && <Text c="dimmed">{t('recording.processing')}</Text>}
      {!processing && status.state !== 'NotRecorded' && status.state !== 'Unavailable' && recordings.length === 0 && <Text c="dimmed">{t('recording.none')}</Text>}
      {recordings.map((recording, index) => (
        <RecordingPlayer key={recording.id} visitId={visitId} recording={recording} index={index + 1} />
      ))}
      {recordings.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('recording.audited')}
        </Text>
      )}
    </Stack>
  );
}

function describe(status: RecordingStatus, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (status.state === 'Recorded' || status.state === 'Recording') return t('recording.recorded');
  if (status.state === 'Unavailable') return t('recording.unavailable');
  if (status.notConsentedBy.length > 0) {
    return t('recording.notRecordedBy', { roles: status.notConsentedBy.map((role) => t(`roles.${role}`)).join(t('recording.roleSeparator')) });
  }
  return t('recording.notRecorded');
}

/** Loads one recording when asked to (each load is an audited play) and plays it from an object URL. */
export function RecordingPlayer({
  visitId,
  recording,
  index,
}: {
  visitId: string;
  recording: Pick<VisitRecording, 'id' | 'role' | 'recordedAt' | 'durationSeconds'>;
  index: number;
}): ReactNode {
  const { t, i18n } = useTranslation('visits');
  const [url, setUrl] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  const load = (): void => {
    setState('loading');
    fetchRecording(visitId, recording.id).then(
      (blob) => {
        setUrl(URL.createObjectURL(blob));
        setState('idle');
      },
      () => setState('failed'),
    );
  };
  const minutes = Math.floor(recording.durationSeconds / 60);
  const seconds = Math.round(recording.durationSeconds % 60);

  return (
    <Stack gap={4}>
      <Text size="sm">
        {formatDateTimeIn(recording.recordedAt, hospitalTimeZone(), i18n.language)}
        {recording.role ? ` · ${t(`roles.${recording.role}`)}` : ''} · {t('recording.length', { minutes, seconds })}
      </Text>
      {url ? (
        // Note: a recorded call has no caption track to offer (nothing transcribes it); the visit's note and chat are its text.
        // eslint-disable-next-line jsx-a11y/media-has-caption
        <video src={url} controls playsInline aria-label={t('recording.playerLabel', { index })} style={{ width: '100%', maxWidth: 640, background: '#000' }} />
      ) : (
        <Button w="fit-content" onClick={load} disabled={state === 'loading'} leftSection={state === 'loading' ? <Loader size="xs" /> : undefined}>
          {t('recording.play', { index })}
        </Button>
      )}
      {state === 'failed' && <Alert color="red">{t('recording.loadFailed')}</Alert>}
    </Stack>
  );
}

import { Button, Card, FileButton, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconCamera, IconMicrophone, IconPlayerStop } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmergencyCase } from '../api/schemas';
import type { QueuedWrite } from '../lib/queue-store';
import { enqueueCrewWrite } from '../lib/crew-queue';
import { timeOf } from './parts';

const photoKinds = ['ecg', 'injury', 'medication', 'id'] as const;
/** A voice note is short: the crew talks while driving or treating, the department listens on the way. */
const MAX_VOICE_MS = 60_000;

/** Photos (the phone's camera), short voice notes and the treatments given. */
export function CrewMedia({ caseId, current, waiting }: { caseId: string; current: EmergencyCase | undefined; waiting: readonly QueuedWrite[] }): ReactNode {
  const { t, i18n } = useTranslation('emergency');
  const [photoKind, setPhotoKind] = useState<string>('ecg');
  const [treatment, setTreatment] = useState('');
  const [recording, setRecording] = useState(false);
  const [micFailed, setMicFailed] = useState(false);
  const recorder = useRef<MediaRecorder | null>(null);
  const stopTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(
    () => () => {
      clearTimeout(stopTimer.current);
      if (recorder.current?.state === 'recording') recorder.current.stop();
    },
    [],
  );

  const addPhoto = async (file: File | null) => {
    if (!file) return;
    await enqueueCrewWrite(caseId, 'attachment', { file, fileName: file.name || 'photo.jpg', caption: t(`media.kinds.${photoKind}`) });
  };

  const startVoice = async () => {
    setMicFailed(false);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks: Blob[] = [];
      const media = new MediaRecorder(stream);
      media.ondataavailable = (event) => chunks.push(event.data);
      media.onstop = () => {
        stream.getTracks().forEach((track) => track.stop());
        setRecording(false);
        const type = media.mimeType || 'audio/webm';
        const blob = new Blob(chunks, { type });
        const extension = type.includes('ogg') ? 'ogg' : type.includes('mp4') ? 'm4a' : 'webm';
        void enqueueCrewWrite(caseId, 'attachment', { file: blob, fileName: `voice-note.${extension}`, caption: t('media.voiceNote') });
      };
      recorder.current = media;
      media.start();
      setRecording(true);
      stopTimer.current = setTimeout(() => media.state === 'recording' && media.stop(), MAX_VOICE_MS);
    } catch {
      setMicFailed(true);
    }
  };

  const stopVoice = () => {
    clearTimeout(stopTimer.current);
    if (recorder.current?.state === 'recording') recorder.current.stop();
  };

  const addTreatment = async () => {
    if (!treatment.trim()) return;
    await enqueueCrewWrite(caseId, 'treatment', { givenAt: new Date().toISOString(), description: treatment.trim() });
    setTreatment('');
  };

  const queuedFiles = waiting.filter((write) => write.kind === 'attachment' && !write.rejected);
  const queuedTreatments = waiting.filter((write) => write.kind === 'treatment' && !write.rejected);

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <SegmentedControl
          fullWidth
          size="md"
          value={photoKind}
          onChange={setPhotoKind}
          aria-label={t('media.photoKind')}
          data={photoKinds.map((kind) => ({ value: kind, label: t(`media.kinds.${kind}`) }))}
        />
        <FileButton onChange={(file) => void addPhoto(file)} accept="image/*" capture="environment">
          {(props) => (
            <Button size="xl" leftSection={<IconCamera size={28} />} {...props}>
              {t('media.photo')}
            </Button>
          )}
        </FileButton>
        {recording ? (
          <Button size="xl" color="red.9" leftSection={<IconPlayerStop size={28} />} onClick={stopVoice}>
            {t('media.stopVoice')}
          </Button>
        ) : (
          <Button size="xl" variant="light" leftSection={<IconMicrophone size={28} />} onClick={() => void startVoice()}>
            {t('media.voice')}
          </Button>
        )}
        {micFailed && (
          <Text c="red.9" role="alert">
            {t('media.micFailed')}
          </Text>
        )}
        {queuedFiles.map((write) => (
          <Text key={write.key} size="sm">
            {(write.payload as { caption?: string }).caption} · {t('sync.waitingOne')}
          </Text>
        ))}
        {current?.attachments.map((attachment) => (
          <Text key={attachment.id} size="sm">
            {timeOf(attachment.uploadedAt, i18n.language)} · {attachment.caption ?? attachment.contentType}
          </Text>
        ))}
      </Stack>
      <Stack gap="sm">
        <TextInput size="lg" label={t('treatments.label')} placeholder={t('treatments.placeholder')} maxLength={500} value={treatment} onChange={(e) => setTreatment(e.currentTarget.value)} />
        <Button size="xl" disabled={!treatment.trim()} onClick={() => void addTreatment()}>
          {t('treatments.add')}
        </Button>
        {queuedTreatments.map((write) => (
          <Card key={write.key} withBorder padding="xs" bg="orange.0">
            <Text size="sm">
              {(write.payload as { description: string }).description} · {t('sync.waitingOne')}
            </Text>
          </Card>
        ))}
        {current?.treatments.map((treatmentGiven) => (
          <Group key={treatmentGiven.id} gap="xs">
            <Text size="sm" fw={700}>
              {timeOf(treatmentGiven.givenAt, i18n.language)}
            </Text>
            <Text size="sm">{treatmentGiven.description}</Text>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}

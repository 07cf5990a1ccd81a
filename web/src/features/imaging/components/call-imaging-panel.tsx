import { Alert, Button, Card, Group, Stack, Title } from '@mantine/core';
import { IconScreenShare } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentImage } from './dicom-view';
import { StudyList } from './study-list';
import { StudyViewer } from './study-viewer';

export interface ShareableImage {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  frame: number;
}

/**
 * The doctor's view of the patient's imaging inside a video visit: their studies, the viewer, and (in the call)
 * "share this image", which shows the patient the image on screen. The doctor routes check that this doctor may read
 * the patient's images; the visit's hub checks the share.
 */
export function CallImagingPanel({ patientId, onShare }: { patientId: string; onShare?: (image: ShareableImage) => Promise<void> }): ReactNode {
  const { t } = useTranslation('imaging');
  const [studyUid, setStudyUid] = useState<string | null>(null);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="call-imaging-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="call-imaging-title">
            {t('call.title')}
          </Title>
          {studyUid && (
            <Button size="compact-sm" variant="subtle" onClick={() => setStudyUid(null)}>
              {t('call.close')}
            </Button>
          )}
        </Group>
        {studyUid ? (
          <StudyViewer side="doctor" patientId={patientId} studyUid={studyUid} actions={onShare ? (current) => <ShareButton key={current.sopInstanceUid} current={current} onShare={onShare} /> : undefined} />
        ) : (
          <StudyList side="doctor" patientId={patientId} onOpen={(study) => setStudyUid(study.studyInstanceUid)} />
        )}
      </Stack>
    </Card>
  );
}

function ShareButton({ current, onShare }: { current: CurrentImage; onShare: (image: ShareableImage) => Promise<void> }): ReactNode {
  const { t } = useTranslation('imaging');
  const [state, setState] = useState<'idle' | 'sending' | 'shared' | { error: string }>('idle');
  const share = (): void => {
    setState('sending');
    const { studyInstanceUid, seriesInstanceUid, sopInstanceUid, frame } = current;
    onShare({ studyInstanceUid, seriesInstanceUid, sopInstanceUid, frame }).then(
      () => setState('shared'),
      (error: unknown) => setState({ error: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <Stack gap={4}>
      <Button leftSection={<IconScreenShare size={16} aria-hidden="true" />} onClick={share} loading={state === 'sending'} w="fit-content">
        {state === 'shared' ? t('call.shared') : t('call.share')}
      </Button>
      {typeof state === 'object' && (
        <Alert color="red" role="alert">
          {t('call.shareFailed', { reason: state.error })}
        </Alert>
      )}
    </Stack>
  );
}

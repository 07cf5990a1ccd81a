import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BroadcastViewer } from '@/features/video-visits/components/broadcast-viewer';

/** /broadcasts/:broadcastId: watch one teaching broadcast (receive only: no camera or microphone prompt). */
export default function BroadcastWatchPage(): ReactNode {
  const { t } = useTranslation('visits');
  const { broadcastId = '' } = useParams();
  return (
    <Stack gap="md">
      <Title order={2}>{t('broadcast.watchTitle')}</Title>
      <BroadcastViewer broadcastId={broadcastId} />
    </Stack>
  );
}

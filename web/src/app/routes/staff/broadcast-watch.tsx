import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '@/components/page';
import { BroadcastViewer } from '@/features/video-visits/components/broadcast-viewer';

/** /broadcasts/:broadcastId: watch one teaching broadcast (receive only: no camera or microphone prompt). */
export default function BroadcastWatchPage(): ReactNode {
  const { t } = useTranslation('visits');
  const { broadcastId = '' } = useParams();
  return (
    <Page title={t('broadcast.watchTitle')}>
      <BroadcastViewer broadcastId={broadcastId} />
    </Page>
  );
}

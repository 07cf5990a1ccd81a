import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconMicrophone, IconMicrophoneOff, IconPhoneOff, IconScreenShare, IconVideo, IconVideoOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomState, VisitRoom } from '../lib/visit-room';
import type { LocalMedia } from '../lib/use-local-media';
import { VideoTile } from './video-tile';

export interface CallViewProps {
  room: VisitRoom;
  state: RoomState;
  media: LocalMedia;
  /** The doctor may share their screen (to show images or results). */
  canShareScreen: boolean;
}

/** The call: everyone's video, the quality of each connection, and the controls. */
export function CallView({ room, state, media, canShareScreen }: CallViewProps): ReactNode {
  const { t } = useTranslation('visits');

  const announce = (patch: Partial<{ audio: boolean; video: boolean; screen: boolean }>): void =>
    void room.announceMedia({ audio: media.audioOn, video: media.videoOn, screen: media.screenOn, ...patch });

  return (
    <Stack gap="sm" component="section" aria-label={t('call.controls')}>
      {state.hub === 'reconnecting' && (
        <Alert color="orange" role="status">
          {t('call.signallingLost')}
        </Alert>
      )}
      {state.departed.map((name, index) => (
        <Alert key={`${name}-${index}`} color="gray" role="status">
          {t('call.left', { name })}
        </Alert>
      ))}
      <SimpleGrid cols={{ base: 1, sm: state.peers.length > 1 ? 3 : 2 }}>
        {state.peers.map((peer) => (
          <VideoTile
            key={peer.peerId}
            stream={peer.stream}
            label={`${peer.name} · ${t(`roles.${peer.role}`)}`}
            cameraOff={!peer.media.video && !peer.media.screen}
            muted={!peer.media.audio}
            quality={peer.quality}
            notice={peer.state === 'reconnecting' ? t('call.reconnecting') : peer.state === 'connecting' ? t('call.connecting') : null}
          />
        ))}
        <VideoTile stream={media.stream} label={t('call.you')} self cameraOff={!media.videoOn && !media.screenOn} muted={!media.audioOn} />
      </SimpleGrid>
      {state.peers.length === 0 && <Text c="dimmed">{t('call.waitingForOthers')}</Text>}
      <Group gap="xs" role="toolbar" aria-label={t('call.controls')}>
        <Button
          variant={media.audioOn ? 'default' : 'filled'}
          leftSection={media.audioOn ? <IconMicrophone size={18} aria-hidden /> : <IconMicrophoneOff size={18} aria-hidden />}
          onClick={() => {
            media.toggleAudio();
            announce({ audio: !media.audioOn });
          }}
          aria-pressed={!media.audioOn}
        >
          {media.audioOn ? t('call.muteMic') : t('call.unmuteMic')}
        </Button>
        <Button
          variant={media.videoOn ? 'default' : 'filled'}
          leftSection={media.videoOn ? <IconVideo size={18} aria-hidden /> : <IconVideoOff size={18} aria-hidden />}
          onClick={() => {
            media.toggleVideo();
            announce({ video: !media.videoOn });
          }}
          aria-pressed={!media.videoOn}
        >
          {media.videoOn ? t('call.cameraOffAction') : t('call.cameraOnAction')}
        </Button>
        {canShareScreen && (
          <Button
            variant="default"
            leftSection={<IconScreenShare size={18} aria-hidden />}
            onClick={() => {
              if (media.screenOn) {
                void media.stopScreenShare().then(() => announce({ screen: false }));
              } else {
                void media.startScreenShare().then(() => announce({ screen: true }));
              }
            }}
            aria-pressed={media.screenOn}
          >
            {media.screenOn ? t('call.stopSharing') : t('call.shareScreen')}
          </Button>
        )}
        <Button color="red" leftSection={<IconPhoneOff size={18} aria-hidden />} onClick={() => void room.leaveCall()}>
          {t('call.leave')}
        </Button>
      </Group>
    </Stack>
  );
}

import { ActionIcon, Alert, Box, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMicrophone, IconMicrophoneOff, IconPhoneOff, IconScreenShare, IconVideo, IconVideoOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomState, VisitRoom } from '../lib/visit-room';
import type { LocalMedia } from '../lib/use-local-media';
import { SelfViewPip } from './self-view-pip';
import { VideoTile } from './video-tile';

const PHONE_QUERY = '(max-width: 47.99em)';

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
  // Note: a phone shows the others large and our own camera as a small movable picture, with the controls in a
  // bar at the bottom within reach of the thumb, as phone video apps do; wider screens keep the grid.
  const phone = useMediaQuery(PHONE_QUERY) ?? false;

  const announce = (patch: Partial<{ audio: boolean; video: boolean; screen: boolean }>): void =>
    void room.announceMedia({ audio: media.audioOn, video: media.videoOn, screen: media.screenOn, ...patch });

  const remotes = state.peers.map((peer) => (
    <VideoTile
      key={peer.peerId}
      stream={peer.stream}
      label={`${peer.name} · ${t(`roles.${peer.role}`)}`}
      cameraOff={!peer.media.video && !peer.media.screen}
      muted={!peer.media.audio}
      quality={peer.quality}
      notice={peer.state === 'reconnecting' ? t('call.reconnecting') : peer.state === 'connecting' ? t('call.connecting') : null}
      aspectRatio={phone && state.peers.length === 1 ? '3 / 4' : undefined}
    />
  ));
  const self = (compact: boolean): ReactNode => (
    <VideoTile stream={media.stream} label={t('call.you')} self compact={compact} cameraOff={!media.videoOn && !media.screenOn} muted={!media.audioOn} />
  );

  const controls: Array<{ key: string; label: string; icon: ReactNode; onClick: () => void; pressed?: boolean; danger?: boolean }> = [
    {
      key: 'mic',
      label: media.audioOn ? t('call.muteMic') : t('call.unmuteMic'),
      icon: media.audioOn ? <IconMicrophone size={20} aria-hidden /> : <IconMicrophoneOff size={20} aria-hidden />,
      onClick: () => {
        media.toggleAudio();
        announce({ audio: !media.audioOn });
      },
      pressed: !media.audioOn,
    },
    {
      key: 'camera',
      label: media.videoOn ? t('call.cameraOffAction') : t('call.cameraOnAction'),
      icon: media.videoOn ? <IconVideo size={20} aria-hidden /> : <IconVideoOff size={20} aria-hidden />,
      onClick: () => {
        media.toggleVideo();
        announce({ video: !media.videoOn });
      },
      pressed: !media.videoOn,
    },
    ...(canShareScreen
      ? [
          {
            key: 'screen',
            label: media.screenOn ? t('call.stopSharing') : t('call.shareScreen'),
            icon: <IconScreenShare size={20} aria-hidden />,
            onClick: () => {
              if (media.screenOn) {
                void media.stopScreenShare().then(() => announce({ screen: false }));
              } else {
                void media.startScreenShare().then(() => announce({ screen: true }));
              }
            },
            pressed: media.screenOn,
          },
        ]
      : []),
    { key: 'leave', label: t('call.leave'), icon: <IconPhoneOff size={20} aria-hidden />, onClick: () => void room.leaveCall(), danger: true },
  ];

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
      {phone && state.peers.length > 0 ? (
        <Box pos="relative" data-layout="phone">
          <Stack gap={4}>{remotes}</Stack>
          <SelfViewPip>{self(true)}</SelfViewPip>
        </Box>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: state.peers.length > 1 ? 3 : 2 }}>
          {remotes}
          {self(false)}
        </SimpleGrid>
      )}
      {state.peers.length === 0 && <Text c="dimmed">{t('call.waitingForOthers')}</Text>}
      {phone ? (
        <Group
          gap="lg"
          justify="center"
          wrap="nowrap"
          role="toolbar"
          aria-label={t('call.controls')}
          pos="sticky"
          bottom={0}
          py="sm"
          bg="var(--mantine-color-body)"
          style={{ zIndex: 3, borderTop: '1px solid var(--mantine-color-gray-3)' }}
        >
          {controls.map((control) => (
            <ActionIcon
              key={control.key}
              size={56}
              radius="xl"
              color={control.danger ? 'red' : undefined}
              variant={control.danger || control.pressed ? 'filled' : 'default'}
              aria-label={control.label}
              title={control.label}
              aria-pressed={control.danger ? undefined : control.pressed}
              onClick={control.onClick}
            >
              {control.icon}
            </ActionIcon>
          ))}
        </Group>
      ) : (
        <Group gap="xs" role="toolbar" aria-label={t('call.controls')}>
          {controls.map((control) => (
            <Button
              key={control.key}
              color={control.danger ? 'red' : undefined}
              variant={control.danger ? 'filled' : control.pressed ? 'filled' : 'default'}
              leftSection={control.icon}
              onClick={control.onClick}
              aria-pressed={control.danger ? undefined : control.pressed}
            >
              {control.label}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}

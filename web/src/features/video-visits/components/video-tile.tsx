import { Badge, Box, Group, Paper, Text } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quality } from '../lib/quality';

export interface VideoTileProps {
  stream: MediaStream | null;
  label: string;
  /** Our own preview: mirrored and silent (we never play our own microphone back). */
  self?: boolean;
  cameraOff?: boolean;
  muted?: boolean;
  quality?: Quality;
  notice?: string | null;
  /** Another shape than 4:3 (a tall tile fills a phone held upright). */
  aspectRatio?: string;
  /** A small picture-in-picture: smaller name badge. */
  compact?: boolean;
}

/** One person's video with their name, camera/microphone state and the connection-quality indicator. */
export function VideoTile({ stream, label, self = false, cameraOff = false, muted = false, quality, notice, aspectRatio = '4 / 3', compact = false }: VideoTileProps): ReactNode {
  const { t } = useTranslation('visits');
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
  }, [stream]);

  // Note: shades with AA contrast for their text (white on teal.9/red.9/gray.7, dark on yellow.4).
  const qualityColor = quality === 'good' ? 'teal.9' : quality === 'fair' ? 'yellow.4' : quality === 'poor' ? 'red.9' : 'gray.7';
  return (
    <Paper withBorder radius="md" pos="relative" style={{ overflow: 'hidden', background: '#111', aspectRatio }} aria-label={label} role="group">
      {/* eslint-disable-next-line jsx-a11y/media-has-caption -- a live call has no caption track; the chat is its text channel */}
      <video
        ref={video}
        autoPlay
        playsInline
        muted={self}
        data-peer={self ? 'self' : 'remote'}
        style={{ width: '100%', height: '100%', objectFit: 'cover', transform: self ? 'scaleX(-1)' : undefined, visibility: cameraOff ? 'hidden' : 'visible' }}
      />
      {cameraOff && (
        <Box pos="absolute" inset={0} style={{ display: 'grid', placeItems: 'center' }}>
          <Text c="white">{t('call.cameraOff')}</Text>
        </Box>
      )}
      <Group pos="absolute" bottom={compact ? 4 : 8} left={compact ? 4 : 8} right={compact ? 4 : 8} justify="space-between" gap={4}>
        <Badge color="dark" variant="filled" size={compact ? 'xs' : 'md'} style={{ textTransform: 'none' }}>
          {label}
          {muted ? ` · ${t('call.muted')}` : ''}
        </Badge>
        {quality && (
          <Badge color={qualityColor} c={quality === 'fair' ? 'dark' : undefined} variant="filled" style={{ textTransform: 'none' }} role="status">
            {t('call.quality.label', { quality: t(`call.quality.${quality}`) })}
          </Badge>
        )}
      </Group>
      {notice && (
        <Box pos="absolute" top={8} left={8} right={8}>
          <Badge color="yellow.4" c="dark" variant="filled" style={{ textTransform: 'none' }} role="status">
            {notice}
          </Badge>
        </Box>
      )}
    </Paper>
  );
}

import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { leaveBroadcast, useLiveBroadcasts, watchBroadcast } from '../api/broadcast';
import { JanusSession, type JanusIncoming } from '../lib/janus-session';

type WatchState = 'connecting' | 'playing' | 'ended' | 'failed';

/**
 * Watches a teaching broadcast: receive only, so no camera or microphone is asked for. The API's ticket opens Janus's
 * Streaming plugin only; Janus offers the picture, the doctor's sound and the commentator's voice, we answer recvonly.
 */
export function BroadcastViewer({ broadcastId }: { broadcastId: string }): ReactNode {
  const { t } = useTranslation('visits');
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<WatchState>('connecting');
  const [error, setError] = useState<unknown>(null);
  // Note: who broadcasts and who comments come from the staff list (refreshed every few seconds), not from Janus.
  const about = useLiveBroadcasts().data?.find((b) => b.id === broadcastId);

  useEffect(() => {
    let cancelled = false;
    let session: JanusSession | null = null;
    let pc: RTCPeerConnection | null = null;
    const stream = new MediaStream();

    const onEvent = (message: JanusIncoming): void => {
      // Note: the mountpoint was destroyed (the broadcast or the visit ended) or the peer connection hung up.
      const status = (message.plugindata?.data as { result?: { status?: string } } | undefined)?.result?.status;
      if (message.janus === 'hangup' || status === 'stopped') setState('ended');
    };

    void (async () => {
      try {
        const ticket = await watchBroadcast(broadcastId);
        if (cancelled) return;
        session = new JanusSession({ url: ticket.url, token: ticket.token, onEvent, onResumed: () => undefined, onLost: () => setState('ended') });
        await session.connect();
        const handle = await session.attach('janus.plugin.streaming');
        const watched = await session.message(handle, { request: 'watch', id: ticket.streamId, pin: ticket.pin });
        if (!watched.jsep) throw new Error('Janus answered the watch without an offer');
        pc = new RTCPeerConnection({ iceServers: ticket.iceServers.map((s) => ({ urls: s.urls, username: s.username ?? undefined, credential: s.credential ?? undefined })) });
        const current = session;
        pc.onicecandidate = (e) => current.trickle(handle, e.candidate ? e.candidate.toJSON() : null);
        pc.ontrack = (e) => {
          stream.addTrack(e.track);
          if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
          setState('playing');
        };
        await pc.setRemoteDescription(watched.jsep);
        const answer = await pc.createAnswer();
        await pc.setLocalDescription(answer);
        await session.message(handle, { request: 'start' }, answer);
      } catch (e) {
        if (!cancelled) {
          setError(e);
          setState('failed');
        }
      }
    })();

    return () => {
      cancelled = true;
      pc?.close();
      session?.close();
      void leaveBroadcast(broadcastId).catch(() => undefined);
    };
  }, [broadcastId]);

  return (
    <Stack gap="sm">
      {about && state !== 'ended' && (
        <Stack gap={2}>
          <Text fw={600}>{t('broadcast.by', { doctor: about.doctor })}</Text>
          {about.department && (
            <Text size="sm" c="dimmed">
              {about.department}
            </Text>
          )}
          {about.commentator && <Text size="sm">{t('broadcast.commentary', { name: about.commentator })}</Text>}
        </Stack>
      )}
      {state === 'connecting' && (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text>{t('broadcast.connecting')}</Text>
        </Group>
      )}
      {state === 'failed' && error !== null && <ProblemAlert error={error} />}
      {state === 'ended' && (
        <Alert role="status" color="gray">
          {t('broadcast.ended')}
        </Alert>
      )}
      {/* Note: once the broadcast has ended (or could not be watched) there is no picture: not the last frame, frozen. */}
      {(state === 'connecting' || state === 'playing') && (
        // eslint-disable-next-line jsx-a11y/media-has-caption -- a live broadcast has no caption track
        <video
          ref={video}
          autoPlay
          playsInline
          controls
          aria-label={t('broadcast.videoLabel')}
          data-testid="broadcast-video"
          style={{ width: '100%', maxHeight: '70vh', background: '#000', borderRadius: 8 }}
        />
      )}
      <Button component={Link} to="/broadcasts" variant="subtle">
        {t('broadcast.back')}
      </Button>
    </Stack>
  );
}

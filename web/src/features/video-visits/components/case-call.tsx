import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalMedia } from '../lib/use-local-media';
import { useVisitRoom } from '../lib/use-visit-room';
import type { VisitRoom } from '../lib/visit-room';
import { CallView } from './call-view';

export interface CaseCallProps {
  /** The room's id (an emergency case's room has the case's id). */
  roomId: string;
  /** Where "back" leads (the case on the board or on the crew's phone). */
  backTo: string;
  /** This side hung up (the call's controls): the page ends the call for both sides and goes back. */
  onHungUp: () => void;
  /**
   * How the call ended, as the page's own channel tells it (before the room itself says so): the other side hung up or
   * declined (`ended`), or the handover closed the room (`closed`); null while it goes on. One value: a call that was
   * closed by the handover has ended too, and two flags could say otherwise.
   */
  end?: 'ended' | 'closed' | null;
}

/**
 * A call between staff in a room that belongs to something other than a visit (an emergency case): no waiting room,
 * no record, no chat; the camera starts at once and the call is entered as soon as the room is open. Who may be in it
 * is the server's rule; a refusal or a closed room says so.
 */
export function CaseCall({ roomId, backTo, onHungUp, end = null }: CaseCallProps): ReactNode {
  const ended = end !== null;
  const { t } = useTranslation('visits');
  const roomRef = useRef<VisitRoom | null>(null);
  const media = useLocalMedia((track) => void roomRef.current?.replaceTrack(track));
  const { room, state } = useVisitRoom(roomId, !ended);
  roomRef.current = room;
  const wasInCall = useRef(false);
  const onHungUpRef = useRef(onHungUp);
  onHungUpRef.current = onHungUp;
  const { start: startMedia } = media;

  useEffect(() => {
    void startMedia();
  }, [startMedia]);

  // Note: the media problem (no camera, refused) still lets the call go on with whatever there is.
  const mediaSettled = media.stream !== null || media.problem !== null;
  useEffect(() => {
    if (room && state?.hub === 'connected' && state.status === 'InProgress' && !state.inCall && !state.refused && !wasInCall.current && mediaSettled) {
      void room.enterCall(media.stream);
    }
  }, [room, state?.hub, state?.status, state?.inCall, state?.refused, mediaSettled, media.stream]);

  const closed = end === 'closed' || state?.refused === 'visit_finished' || state?.status === 'Completed';
  useEffect(() => {
    if (wasInCall.current && !ended && !closed && state && !state.inCall && !state.refused) onHungUpRef.current();
    if (state?.inCall) wasInCall.current = true;
  }, [state, ended, closed]);

  // The other side hung up or the handover closed the room: our media stops too.
  useEffect(() => {
    if ((ended || closed) && room && state?.inCall) void room.leaveCall();
  }, [ended, closed, room, state?.inCall]);

  const refused = !closed && state?.refused;
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={backTo} size="lg">
        {t('caseCall.back')}
      </Anchor>
      {closed && <Alert color="gray" role="status">{t('caseCall.closed')}</Alert>}
      {!closed && ended && <Alert color="gray" role="status">{t('caseCall.ended')}</Alert>}
      {refused && (
        <Alert color="red" role="alert">
          {t('caseCall.notAvailable')}
        </Alert>
      )}
      {!closed && !ended && !refused && room && state?.inCall && <CallView room={room} state={state} media={media} canShareScreen={false} />}
      {!closed && !ended && !refused && !state?.inCall && (
        <Stack align="center" gap="xs" py="xl" role="status">
          <Loader />
          <Text>{t('caseCall.connecting')}</Text>
        </Stack>
      )}
    </Stack>
  );
}

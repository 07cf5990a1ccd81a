import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { guestsQueryKey } from '../api/guests';
import { waitingRoomQueryKey } from '../api/get-waiting-room';
import { recordingQueryKey } from '../api/recording';
import { visitQueryKey } from '../api/schemas';
import { addMessageToCache } from './chat-cache';
import { VisitRoom, type RoomState } from './visit-room';

/** Opens the visit's room while the component is mounted (and `enabled`), and re-renders on every change. */
export function useVisitRoom(visitId: string, enabled = true): { room: VisitRoom | null; state: RoomState | null } {
  const queryClient = useQueryClient();
  const [room, setRoom] = useState<VisitRoom | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const opened = new VisitRoom(visitId, {
      onVisitUpdated: () => void queryClient.invalidateQueries({ queryKey: visitQueryKey(visitId) }),
      onChat: (message) => addMessageToCache(queryClient, message),
      onQueueMoved: () => void queryClient.invalidateQueries({ queryKey: waitingRoomQueryKey(visitId) }),
      onGuestsChanged: () => void queryClient.invalidateQueries({ queryKey: guestsQueryKey(visitId) }),
      onRecordingChanged: () => void queryClient.invalidateQueries({ queryKey: recordingQueryKey(visitId) }),
    });
    setRoom(opened);
    void opened.open();
    return () => {
      setRoom(null);
      void opened.dispose();
    };
  }, [visitId, enabled, queryClient]);

  const state = useSyncExternalStore(
    room?.subscribe ?? noopSubscribe,
    room?.getState ?? nullState,
    room?.getState ?? nullState,
  );
  return { room, state };
}

function noopSubscribe(): () => void {
  return () => undefined;
}

function nullState(): null {
  return null;
}

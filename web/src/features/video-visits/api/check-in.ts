import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { waitingRoomQueryKey, waitingRoomSchema, type WaitingRoom } from './get-waiting-room';

export interface CheckInInput {
  /** For a child under 6: the guardian confirms they attend (domain rule 4; else 422 guardian_presence_required). */
  guardianPresent?: boolean;
}

/** Checks in for the video appointment (from 15 minutes before the start). */
export function checkIn(visitId: string, input: CheckInInput = {}): Promise<WaitingRoom> {
  // Note: no body unless there is something to say: the check-in endpoint predates the guardian's confirmation.
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/check-in`, waitingRoomSchema, input.guardianPresent ? { method: 'POST', body: input } : { method: 'POST' });
}

export function useCheckIn(visitId: string): UseMutationResult<WaitingRoom, Error, CheckInInput | void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input) => checkIn(visitId, input ?? {}),
    onSuccess: (room) => queryClient.setQueryData(waitingRoomQueryKey(visitId), room),
  });
}

import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { waitingRoomQueryKey, waitingRoomSchema, type WaitingRoom } from './get-waiting-room';

export interface CheckInInput {
  /** For a child under 6: the guardian confirms they attend (domain rule 4; else 422 guardian_presence_required). */
  guardianPresent?: boolean;
}

/** Checks in for the video appointment (from 15 minutes before the start). */
export function checkIn(visitId: string, input: CheckInInput = {}): Promise<WaitingRoom> {
  // Note: the guardian's confirmation is a query flag, so a check-in without one stays a POST without a body.
  const query = input.guardianPresent ? '?guardianPresent=true' : '';
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/check-in${query}`, waitingRoomSchema, { method: 'POST' });
}

export function useCheckIn(visitId: string): UseMutationResult<WaitingRoom, Error, CheckInInput | void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input) => checkIn(visitId, input ?? {}),
    onSuccess: (room) => queryClient.setQueryData(waitingRoomQueryKey(visitId), room),
  });
}

import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { waitingRoomQueryKey, waitingRoomSchema, type WaitingRoom } from './get-waiting-room';

export interface CheckInInput {
  /** For a child under 6: the guardian confirms they attend (domain rule 4; else 422 guardian_presence_required). */
  guardianPresent?: boolean;
}

/** Checks in for the video appointment (from 15 minutes before the start). */
export function checkIn(visitId: string, input: CheckInInput = {}): Promise<WaitingRoom> {
  // Note: always a JSON body: the endpoint takes one (the guardian's confirmation), and routing does not match a POST
  // without a JSON content type to it (the API's fallback then answers 405).
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/check-in`, waitingRoomSchema, { method: 'POST', body: { guardianPresent: input.guardianPresent ?? false } });
}

export function useCheckIn(visitId: string): UseMutationResult<WaitingRoom, Error, CheckInInput | void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input) => checkIn(visitId, input ?? {}),
    onSuccess: (room) => queryClient.setQueryData(waitingRoomQueryKey(visitId), room),
  });
}

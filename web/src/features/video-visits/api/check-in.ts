import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { waitingRoomQueryKey, waitingRoomSchema, type WaitingRoom } from './get-waiting-room';

/** Checks in for the video appointment (from 15 minutes before the start). */
export function checkIn(visitId: string): Promise<WaitingRoom> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/check-in`, waitingRoomSchema, { method: 'POST' });
}

export function useCheckIn(visitId: string): UseMutationResult<WaitingRoom, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => checkIn(visitId),
    onSuccess: (room) => queryClient.setQueryData(waitingRoomQueryKey(visitId), room),
  });
}

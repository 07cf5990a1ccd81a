import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { scheduleKeys } from './get-calendar';

export function unblockTime(blockId: string): Promise<void> {
  return apiSend(`/api/doctors/me/blocks/${encodeURIComponent(blockId)}`, { method: 'DELETE' });
}

export function useUnblockTime(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: unblockTime, onSuccess: () => void queryClient.invalidateQueries({ queryKey: scheduleKeys.all }) });
}

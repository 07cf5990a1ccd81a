import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { scheduleKeys } from './get-calendar';

export function markNoShow(appointmentId: string): Promise<void> {
  return apiSend(`/api/appointments/${encodeURIComponent(appointmentId)}/no-show`, { method: 'POST' });
}

export function useMarkNoShow(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: markNoShow, onSuccess: () => void queryClient.invalidateQueries({ queryKey: scheduleKeys.all }) });
}

import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { appointmentKeys } from './schemas';

export function leaveWaitlist(entryId: string): Promise<void> {
  return apiSend(`/api/waitlist/${encodeURIComponent(entryId)}`, { method: 'DELETE' });
}

export function useLeaveWaitlist(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: leaveWaitlist, onSuccess: () => void queryClient.invalidateQueries({ queryKey: appointmentKeys.all }) });
}

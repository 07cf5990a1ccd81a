import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { sessionsQueryKey } from './get-sessions';

/** Signs one session out: its tokens stop working at once. 404 when it is not this account's. */
export function endSession(id: string): Promise<void> {
  return apiSend(`/api/account/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useEndSession(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

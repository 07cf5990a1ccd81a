import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { hisOutboxQueryKey } from './query-keys';

/** Sends a dead-lettered message again with a fresh set of attempts (audit-logged). */
export function retryOutboxMessage(id: string): Promise<void> {
  return apiSend(`/api/admin/his/outbox/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}

export function useRetryOutboxMessage(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryOutboxMessage,
    onSettled: () => queryClient.invalidateQueries({ queryKey: hisOutboxQueryKey }),
  });
}

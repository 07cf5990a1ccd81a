import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiSend } from '@/lib/api-client';
import { hisOutboxQueryKey } from './query-keys';

export const discardSchema = z.object({
  reason: z.string().trim().min(1, 'his:discard.reasonRequired').max(500, 'his:discard.reasonTooLong'),
});
export type DiscardInput = z.infer<typeof discardSchema>;

/** Gives up on a pending or dead-lettered message, with the reason (audit-logged); it is kept for the record. */
export function discardOutboxMessage({ id, reason }: DiscardInput & { id: string }): Promise<void> {
  return apiSend(`/api/admin/his/outbox/${encodeURIComponent(id)}/discard`, { method: 'POST', body: { reason } });
}

export function useDiscardOutboxMessage(): UseMutationResult<void, Error, DiscardInput & { id: string }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: discardOutboxMessage,
    onSettled: () => queryClient.invalidateQueries({ queryKey: hisOutboxQueryKey }),
  });
}

import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { visitQueryKey } from './schemas';

export interface FollowUpOrder {
  slotId: string;
  visitType: 'InPerson' | 'Video';
}

const orderedSchema = z.object({ id: z.string(), start: z.string(), visitType: z.enum(['InPerson', 'Video']), status: z.string() });
export type OrderedFollowUp = z.infer<typeof orderedSchema>;

/** Orders a follow-up appointment in one of the doctor's free slots; the note keeps it (before signing). */
export function orderFollowUp(visitId: string, order: FollowUpOrder): Promise<OrderedFollowUp> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/follow-up`, orderedSchema, { method: 'POST', body: order });
}

export function useOrderFollowUp(visitId: string): UseMutationResult<OrderedFollowUp, Error, FollowUpOrder> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (order) => orderFollowUp(visitId, order),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitQueryKey(visitId) }),
  });
}

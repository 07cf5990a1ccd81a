import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { noteSchema, visitQueryKey, type VisitNote } from './schemas';

/** Completes the visit: signs the note and sends the encounter to the HIS. */
export function completeVisit(visitId: string): Promise<VisitNote> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/complete`, noteSchema, { method: 'POST' });
}

export function useCompleteVisit(visitId: string): UseMutationResult<VisitNote, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => completeVisit(visitId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitQueryKey(visitId) }),
  });
}

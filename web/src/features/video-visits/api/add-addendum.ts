import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { addendumSchema, visitQueryKey, type Addendum } from './schemas';

/** Adds a signed addendum to a finished visit's record. */
export function addAddendum(visitId: string, text: string): Promise<Addendum> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/addenda`, addendumSchema, { method: 'POST', body: { text } });
}

export function useAddAddendum(visitId: string): UseMutationResult<Addendum, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text) => addAddendum(visitId, text),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...visitQueryKey(visitId), 'detail'] }),
  });
}

import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { visitQueryKey, visitStatusSchema } from './schemas';

const admittedSchema = z.object({ visitId: z.string(), status: visitStatusSchema });

/** Admits the waiting patient: the call starts (needs a confirmed session of visits). */
export function admitPatient(visitId: string): Promise<z.infer<typeof admittedSchema>> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/admit`, admittedSchema, { method: 'POST' });
}

export function useAdmitPatient(visitId: string): UseMutationResult<z.infer<typeof admittedSchema>, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => admitPatient(visitId),
    // Note: not returned, so the caller's onSuccess (joining the call) does not wait for the refetch.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: visitQueryKey(visitId) }),
  });
}

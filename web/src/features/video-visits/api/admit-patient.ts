import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { visitQueryKey, visitStatusSchema } from './schemas';

const admittedSchema = z.object({ visitId: z.string(), status: visitStatusSchema });

type Admitted = z.infer<typeof admittedSchema>;

/** Admits the waiting patient: the call starts (needs a confirmed session of visits). */
export function admitPatient(visitId: string): Promise<Admitted> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/admit`, admittedSchema, { method: 'POST' });
}

/**
 * The admit button. Given `viaRoom`, the visit room admits and joins the call in one step through its hub connection
 * (the quicker start); if that fails, the endpoint admits, and its problem is what the page shows.
 */
export function useAdmitPatient(visitId: string): UseMutationResult<Admitted, Error, (() => Promise<void>) | undefined> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (viaRoom) => {
      if (viaRoom) {
        try {
          await viaRoom();
          return { visitId, status: 'InProgress' };
        } catch {
          // Note: the hub refused or was unreachable; the endpoint gives the same refusal as a problem document.
        }
      }
      return admitPatient(visitId);
    },
    // Note: not returned, so the caller's onSuccess (joining the call) does not wait for the refetch.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: visitQueryKey(visitId) }),
  });
}

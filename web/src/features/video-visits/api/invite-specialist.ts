import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { visitQueryKey } from './schemas';

const invitationSchema = z.object({ doctorId: z.string(), name: z.string(), invitedAt: z.string() });

/** Invites a specialist into the visit; they get a live notification. */
export function inviteSpecialist(visitId: string, doctorId: string): Promise<z.infer<typeof invitationSchema>> {
  return apiJson(`/api/video-visits/${encodeURIComponent(visitId)}/specialists`, invitationSchema, { method: 'POST', body: { doctorId } });
}

export function useInviteSpecialist(visitId: string): UseMutationResult<z.infer<typeof invitationSchema>, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (doctorId) => inviteSpecialist(visitId, doctorId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...visitQueryKey(visitId), 'detail'] }),
  });
}

import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { familyMemberKeys, meQueryKeyForRefresh } from './query-keys';

/** The account stops acting for this person (their record stays; only the link ends). */
export function removeMember(patientId: string): Promise<void> {
  return apiSend(`/api/family/members/${encodeURIComponent(patientId)}`, { method: 'DELETE' });
}

export function useRemoveMember(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMember,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: familyMemberKeys.members() });
      void queryClient.invalidateQueries({ queryKey: meQueryKeyForRefresh });
    },
  });
}

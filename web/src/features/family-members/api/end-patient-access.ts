import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { familyMemberKeys } from './query-keys';

export interface EndAccessInput {
  accessId: string;
  reason: string;
}

/** (System administrators) ends a proxy relation, e.g. on a court order; the reason goes to the audit log. */
export function endPatientAccess({ accessId, reason }: EndAccessInput): Promise<void> {
  return apiSend(`/api/admin/patient-access/${encodeURIComponent(accessId)}/end`, { method: 'POST', body: { reason } });
}

export function useEndPatientAccess(): UseMutationResult<void, Error, EndAccessInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endPatientAccess,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: familyMemberKeys.all }),
  });
}

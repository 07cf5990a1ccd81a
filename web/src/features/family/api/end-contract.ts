import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';

export interface EndContractInput {
  contractId: string;
  reason: string;
}

/** Ends a contract early with a reason (the patient or a member of the team). */
export function endContract({ contractId, reason }: EndContractInput): Promise<void> {
  return apiSend(`/api/family/contracts/${encodeURIComponent(contractId)}/end`, { method: 'POST', body: { reason } });
}

export function useEndContract(): UseMutationResult<void, Error, EndContractInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: endContract, onSettled: () => queryClient.invalidateQueries({ queryKey: familyQueryKey }) });
}

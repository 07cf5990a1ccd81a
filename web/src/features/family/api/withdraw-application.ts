import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';

/** Withdraws a pending application (the patient). */
export function withdrawApplication(contractId: string): Promise<void> {
  return apiSend(`/api/family/contracts/${encodeURIComponent(contractId)}/withdraw`, { method: 'POST' });
}

export function useWithdrawApplication(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: withdrawApplication, onSettled: () => queryClient.invalidateQueries({ queryKey: familyQueryKey }) });
}

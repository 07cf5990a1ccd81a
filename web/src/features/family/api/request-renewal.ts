import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';

/** Asks the team to renew (from 30 days before the end). 422 renewal_not_open; 409 renewal_already_requested. */
export function requestRenewal(contractId: string): Promise<void> {
  return apiSend(`/api/family/contracts/${encodeURIComponent(contractId)}/renewal-request`, { method: 'POST' });
}

export function useRequestRenewal(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: requestRenewal, onSettled: () => queryClient.invalidateQueries({ queryKey: familyQueryKey }) });
}

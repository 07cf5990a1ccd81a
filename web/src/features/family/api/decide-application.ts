import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiSend } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';

export type Decision =
  | { contractId: string; kind: 'NewContract' | 'Renewal'; accept: true }
  | { contractId: string; kind: 'NewContract' | 'Renewal'; accept: false; reason: string };

/**
 * Accepts or declines (with a reason) an application or a renewal request for the doctor's team.
 * 409 contract_not_pending when someone in the team decided first.
 */
export function decideApplication(decision: Decision): Promise<void> {
  const base = `/api/family/contracts/${encodeURIComponent(decision.contractId)}`;
  const path = `${base}${decision.kind === 'Renewal' ? '/renewal' : ''}/${decision.accept ? 'accept' : 'decline'}`;
  return apiSend(path, { method: 'POST', body: decision.accept ? undefined : { reason: decision.reason } });
}

export function useDecideApplication(): UseMutationResult<void, Error, Decision> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: decideApplication, onSettled: () => queryClient.invalidateQueries({ queryKey: familyQueryKey }) });
}

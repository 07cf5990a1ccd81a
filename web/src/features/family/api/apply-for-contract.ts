import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { familyQueryKey } from '../lib/query-keys';
import { contractSchema, type Contract } from './get-my-contracts';

export interface ApplyInput {
  patientId: string;
  teamId: string;
  packageId: string;
  note?: string;
}

/** Applies to sign with a team. 409 application_pending / contract_already_active; 422 team_not_accepting. */
export function applyForContract({ patientId, ...body }: ApplyInput): Promise<Contract> {
  return apiJson(`/api/family/patients/${encodeURIComponent(patientId)}/contracts`, contractSchema, { method: 'POST', body });
}

export function useApplyForContract(): UseMutationResult<Contract, Error, ApplyInput> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: applyForContract, onSettled: () => queryClient.invalidateQueries({ queryKey: familyQueryKey }) });
}

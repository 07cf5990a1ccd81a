import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { institutionKeys } from './institutions';
import { staffInstitutionsSchema, type StaffInstitutions } from './staff-institutions';

export function setStaffInstitutions(input: { accountId: string; institutionIds: string[] }): Promise<StaffInstitutions> {
  return apiJson(`/api/admin/staff-institutions/${encodeURIComponent(input.accountId)}`, staffInstitutionsSchema, {
    method: 'PUT',
    body: { institutionIds: input.institutionIds },
  });
}

export function useSetStaffInstitutions(): UseMutationResult<StaffInstitutions, Error, { accountId: string; institutionIds: string[] }> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setStaffInstitutions, onSuccess: () => void queryClient.invalidateQueries({ queryKey: institutionKeys.staff }) });
}

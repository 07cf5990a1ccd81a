import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { institutionKeys } from './institutions';

export const staffInstitutionsSchema = z.object({
  accountId: z.string(),
  fullName: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  primaryInstitutionId: z.string().nullish(),
  institutionIds: z.array(z.string()),
});
export type StaffInstitutions = z.infer<typeof staffInstitutionsSchema>;

export function listStaffInstitutions(): Promise<StaffInstitutions[]> {
  return apiJson('/api/admin/staff-institutions', z.array(staffInstitutionsSchema));
}

/** Staff accounts and the institutions each works at. */
export function useStaffInstitutions(): UseQueryResult<StaffInstitutions[]> {
  return useQuery({ queryKey: institutionKeys.staff, queryFn: listStaffInstitutions });
}

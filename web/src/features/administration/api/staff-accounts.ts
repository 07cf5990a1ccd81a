import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const staffAccountsQueryKey = ['admin', 'staff-accounts'] as const;

/** Roles the security administrator hands out (doctors come with a profile the system administrator creates). */
export const assignableRoles = ['SystemAdmin', 'SecurityAdmin', 'AuditAdmin', 'Pharmacist', 'Registrar', 'Nurse', 'Paramedic', 'EmergencyStaff', 'MedicalRecords'] as const;
export type AssignableRole = (typeof assignableRoles)[number];

export const staffAccountSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  isDisabled: z.boolean(),
  lockedUntil: z.string().nullish(),
  twoFactorEnabled: z.boolean(),
  createdAt: z.string(),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

export function getStaffAccounts(): Promise<StaffAccount[]> {
  return apiJson('/api/admin/accounts', z.array(staffAccountSchema));
}

export function useStaffAccounts(): UseQueryResult<StaffAccount[]> {
  return useQuery({ queryKey: staffAccountsQueryKey, queryFn: getStaffAccounts });
}

export type StaffAccountAction =
  | { kind: 'lock' | 'unlock' | 'disable' | 'enable'; accountId: string }
  | { kind: 'role'; accountId: string; role: AssignableRole };

/** One change to a staff account (audit-logged by the server); the account as it now is. */
export function changeStaffAccount(action: StaffAccountAction): Promise<StaffAccount> {
  const base = `/api/admin/accounts/${encodeURIComponent(action.accountId)}`;
  return action.kind === 'role'
    ? apiJson(`${base}/role`, staffAccountSchema, { method: 'PUT', body: { role: action.role } })
    : apiJson(`${base}/${action.kind}`, staffAccountSchema, { method: 'POST' });
}

export function useChangeStaffAccount(): UseMutationResult<StaffAccount, Error, StaffAccountAction> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeStaffAccount,
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffAccountsQueryKey }),
  });
}

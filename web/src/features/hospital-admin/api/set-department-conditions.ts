import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { adminDepartmentSchema, adminKeys, type AdminDepartment } from './departments';

export function setDepartmentConditions(input: { departmentId: string; conditions: string[] }): Promise<AdminDepartment> {
  return apiJson(`/api/admin/departments/${encodeURIComponent(input.departmentId)}/conditions`, adminDepartmentSchema, { method: 'PUT', body: { conditions: input.conditions } });
}

export function useSetDepartmentConditions(): UseMutationResult<AdminDepartment, Error, { departmentId: string; conditions: string[] }> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setDepartmentConditions, onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.departments }) });
}

import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { adminDepartmentSchema, adminKeys, type AdminDepartment } from './departments';

export interface NewDepartment {
  facilityId: string;
  code: string;
  name: string;
  nameEn: string;
  conditions: string[];
}

export function createDepartment(input: NewDepartment): Promise<AdminDepartment> {
  return apiJson('/api/admin/departments', adminDepartmentSchema, { method: 'POST', body: input });
}

export function useCreateDepartment(): UseMutationResult<AdminDepartment, Error, NewDepartment> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createDepartment, onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.departments }) });
}

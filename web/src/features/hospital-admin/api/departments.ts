import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

const refSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });
export const adminDepartmentSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string(), facility: refSchema, conditions: z.array(z.string()), doctors: z.number() });
export type AdminDepartment = z.infer<typeof adminDepartmentSchema>;
export const adminKeys = { departments: ['admin', 'departments'] as const, doctors: ['admin', 'doctors'] as const, facilities: ['admin', 'facilities'] as const };

export function listAdminDepartments(): Promise<AdminDepartment[]> {
  return apiJson('/api/admin/departments', z.array(adminDepartmentSchema));
}

/** Departments with the conditions (ICD-10 ranges) they follow up online. */
export function useAdminDepartments(): UseQueryResult<AdminDepartment[]> {
  return useQuery({ queryKey: adminKeys.departments, queryFn: listAdminDepartments });
}

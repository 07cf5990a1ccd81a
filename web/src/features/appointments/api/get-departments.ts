import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

const refSchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });
export const departmentSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string(), facility: refSchema, doctors: z.number() });
export type Department = z.infer<typeof departmentSchema>;

export function getDepartments(): Promise<Department[]> {
  return apiJson('/api/care/departments', z.array(departmentSchema));
}

export function useDepartments(): UseQueryResult<Department[]> {
  return useQuery({ queryKey: ['care', 'departments'], queryFn: getDepartments, staleTime: 10 * 60_000 });
}

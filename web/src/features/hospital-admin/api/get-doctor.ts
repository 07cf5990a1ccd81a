import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { apiJson } from '@/lib/api-client';
import { adminKeys } from './departments';
import { adminDoctorSchema, type AdminDoctor } from './doctors';

export function getAdminDoctor(id: string): Promise<AdminDoctor> {
  return apiJson(`/api/admin/doctors/${encodeURIComponent(id)}`, adminDoctorSchema);
}

export function useAdminDoctor(id: string | undefined): UseQueryResult<AdminDoctor> {
  return useQuery({ queryKey: [...adminKeys.doctors, id], queryFn: () => getAdminDoctor(id!), enabled: Boolean(id) });
}

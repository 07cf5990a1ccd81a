import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { adminKeys } from './departments';

const facilitySchema = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });
export type Facility = z.infer<typeof facilitySchema>;

export function listFacilities(): Promise<Facility[]> {
  return apiJson('/api/admin/facilities', z.array(facilitySchema));
}

export function useFacilities(): UseQueryResult<Facility[]> {
  return useQuery({ queryKey: adminKeys.facilities, queryFn: listFacilities, staleTime: 10 * 60_000 });
}

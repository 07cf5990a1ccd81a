import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const hospitalInfoSchema = z.object({
  name: z.string(),
  nameEn: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  holdMinutes: z.number(),
  changeCutoffHours: z.number(),
  followUpLookBack: z.string(),
});
export type HospitalInfo = z.infer<typeof hospitalInfoSchema>;

export function getHospitalInfo(): Promise<HospitalInfo> {
  return apiJson('/api/care/hospital', hospitalInfoSchema);
}

export const hospitalInfoQueryOptions = queryOptions({ queryKey: ['hospital-info'], queryFn: getHospitalInfo, staleTime: 60 * 60_000 });

/** The hospital's time zone, currency and booking rules. */
export function useHospitalInfo(): UseQueryResult<HospitalInfo> {
  return useQuery(hospitalInfoQueryOptions);
}

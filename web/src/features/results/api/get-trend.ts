import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { resultsQueryKey } from '../lib/query-keys';
import { labFlags } from './get-result';

export const trendSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  noteZh: z.string().nullable(),
  noteEn: z.string().nullable(),
  unit: z.string().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  points: z.array(z.object({ reportId: z.string(), at: z.string(), value: z.number(), unit: z.string().nullable(), flag: z.enum(labFlags) })),
});
export type Trend = z.infer<typeof trendSchema>;

/** One value over time, oldest first. */
export function getTrend(patientId: string, code: string): Promise<Trend> {
  return apiJson(`/api/patients/${encodeURIComponent(patientId)}/results/trend?code=${encodeURIComponent(code)}`, trendSchema);
}

export function useTrend(patientId: string | undefined, code: string): UseQueryResult<Trend> {
  return useQuery({ queryKey: [...resultsQueryKey, 'trend', patientId, code], queryFn: () => getTrend(patientId!, code), enabled: Boolean(patientId) });
}

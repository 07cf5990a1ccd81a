import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { resultsQueryKey } from '../lib/query-keys';

export const resultSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  issuedAt: z.string(),
  status: z.string(),
  orderingDoctorName: z.string().nullable(),
  valueCount: z.number(),
  abnormalCount: z.number(),
  hasCritical: z.boolean(),
});
export type ResultSummary = z.infer<typeof resultSummarySchema>;

export const resultsListSchema = z.object({
  patientId: z.string(),
  hisLinked: z.boolean(),
  hisStale: z.boolean(),
  items: z.array(resultSummarySchema),
});
export type ResultsList = z.infer<typeof resultsListSchema>;

/** The patient's lab reports, newest first (the server takes in what the HIS has first). */
export function getResults(patientId: string): Promise<ResultsList> {
  return apiJson(`/api/patients/${encodeURIComponent(patientId)}/results`, resultsListSchema);
}

export function useResults(patientId: string | undefined): UseQueryResult<ResultsList> {
  return useQuery({ queryKey: [...resultsQueryKey, 'list', patientId], queryFn: () => getResults(patientId!), enabled: Boolean(patientId) });
}

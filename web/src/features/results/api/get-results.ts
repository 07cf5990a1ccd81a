import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { resultsQueryKey } from '../lib/query-keys';

/** What the list and the detail both say of a report: its name in both languages, when, its status and who ordered it. */
export const reportHeaderSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  issuedAt: z.string(),
  status: z.string(),
  orderingDoctorName: z.string().nullable(),
  hasCritical: z.boolean(),
});

export const resultSummarySchema = reportHeaderSchema.extend({
  valueCount: z.number(),
  abnormalCount: z.number(),
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

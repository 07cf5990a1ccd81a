import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { alertsQueryKey } from '../lib/query-keys';
import { measurementSchema } from './get-measurements';

export const alertSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  reading: measurementSchema,
  raisedAt: z.string(),
});
export type ReadingAlert = z.infer<typeof alertSchema>;

/** Open alerts from dangerous home readings of the doctor's teams, newest first. */
export function getAlerts(): Promise<ReadingAlert[]> {
  return apiJson('/api/family/alerts', z.array(alertSchema));
}

export function useAlerts(): UseQueryResult<ReadingAlert[]> {
  // Note: other people change this list (patients submit, colleagues decide): fetched afresh whenever it is opened.
  return useQuery({ queryKey: alertsQueryKey, queryFn: getAlerts, staleTime: 0 });
}

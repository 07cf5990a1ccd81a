import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';
import { resultsQueryKey } from '../lib/query-keys';
import { reportHeaderSchema } from './get-results';

export const labFlags = ['Normal', 'Low', 'High', 'Abnormal', 'CriticalLow', 'CriticalHigh', 'Critical'] as const;
export type LabFlag = (typeof labFlags)[number];

export const resultValueSchema = z.object({
  code: z.string(),
  loinc: z.string().nullable(),
  name: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  noteZh: z.string().nullable(),
  noteEn: z.string().nullable(),
  value: z.number().nullable(),
  valueText: z.string().nullable(),
  unit: z.string().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  rangeText: z.string().nullable(),
  flag: z.enum(labFlags),
  trendKey: z.string().nullable(),
});
export type ResultValue = z.infer<typeof resultValueSchema>;

export const resultDetailSchema = reportHeaderSchema.extend({
  patientId: z.string(),
  values: z.array(resultValueSchema),
});
export type ResultDetail = z.infer<typeof resultDetailSchema>;

/** One report with its values. */
export function getResult(patientId: string, reportId: string): Promise<ResultDetail> {
  return apiJson(`/api/patients/${encodeURIComponent(patientId)}/results/${encodeURIComponent(reportId)}`, resultDetailSchema);
}

export function useResult(patientId: string | undefined, reportId: string): UseQueryResult<ResultDetail> {
  return useQuery({ queryKey: [...resultsQueryKey, 'detail', patientId, reportId], queryFn: () => getResult(patientId!, reportId), enabled: Boolean(patientId) });
}
